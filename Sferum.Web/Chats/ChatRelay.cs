using Microsoft.AspNetCore.SignalR;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Web.Telemetry;

namespace Sferum.Web.Chats;

/// <summary>
/// This web node's bridge from chats to SignalR: one <see cref="ChatFeed"/> per chat that has at least one connection
/// here (reference-counted, dropped with the last one), registered with the chat grain, which calls it after each
/// commit; the feed fans the events out to its own SignalR group. When a chat's members change, the connections of
/// people who left are taken out of it at once. The bookkeeping lock is never held across a call to the
/// cluster: a slow registration (after a database outage, say) delays only its chat.
/// </summary>
public sealed class ChatRelay(IClusterClient cluster, IHubContext<ChatHub> hub, WebMetrics metrics, TimeProvider clock, ILogger<ChatRelay> logger)
{
    private static readonly TimeSpan WatchTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, ChatFeed> chats = [];
    private HashSet<string>? knownHosts;

    /// <summary>Events a feed fetches at a time to fill a gap in its live delivery.</summary>
    public const int FetchLimit = 500;

    /// <summary>
    /// Adds a connection (of a member: the hub has checked) to a chat's live delivery. With <paramref name="waitForFeed"/>
    /// false the registration with the chat grain is made in the background, once per chat: a connecting device must not
    /// wait for all its chats. With it true (a person opening the chat) the feed is registered again and awaited: a chat
    /// grain that was re-activated since (after a database outage, say) learns it then, not only at the next renewal.
    /// </summary>
    public async Task AddAsync(Guid chatId, string connectionId, Guid userId, bool waitForFeed = true)
    {
        ChatFeed feed;
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out feed!))
            {
                ChatFeed created = null!;
                created = new ChatFeed(chatId, e => DeliverAsync(created, e), FetchAsync, logger);
                chats[chatId] = feed = created;
                metrics.FeedStarted();
                feed.Reference = cluster.CreateObjectReference<IChatFeed>(feed);
            }

            feed.Connections[connectionId] = userId;
            if (waitForFeed && feed.Watching is { IsCompleted: true })
            {
                feed.Watching = null;
            }
        }

        await hub.Groups.AddToGroupAsync(connectionId, feed.Group);
        var watching = EnsureWatchedAsync(feed);
        if (waitForFeed)
        {
            await watching;
        }
    }

    /// <summary>Removes a connection from every chat it was in; the last one out ends the chat's feed.</summary>
    public async Task RemoveConnectionAsync(string connectionId)
    {
        List<ChatFeed> emptied = [];
        lock (gate)
        {
            foreach (var (chatId, feed) in chats.Where(c => c.Value.Connections.Remove(connectionId)).ToList())
            {
                if (feed.Connections.Count == 0)
                {
                    chats.Remove(chatId);
                    metrics.FeedEnded();
                    emptied.Add(feed);
                }
            }
        }

        foreach (var feed in emptied)
        {
            await EndAsync(feed);
        }
    }

    /// <summary>
    /// A chat grain keeps its feeds in memory only: when the set of active silos changes, its chats may live elsewhere
    /// now, so every feed of this node is registered again at once. Called every few seconds.
    /// </summary>
    /// <returns>True when the cluster changed and the feeds were registered again.</returns>
    public async Task<bool> HealAsync()
    {
        var hosts = (await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.Select(h => h.ToParsableString()).ToHashSet();
        lock (gate)
        {
            if (knownHosts is null || knownHosts.SetEquals(hosts))
            {
                knownHosts = hosts;
                return false;
            }

            knownHosts = hosts;
        }

        logger.LogInformation("The cluster changed; registering the feeds of {Count} chats again", WatchedChats);
        await RenewAsync();
        return true;
    }

    /// <summary>Registers every feed again: keeps them from expiring and restores any that a chat grain lost.</summary>
    public async Task RenewAsync()
    {
        List<ChatFeed> all;
        lock (gate)
        {
            all = chats.Values.ToList();
            foreach (var feed in all)
            {
                feed.Watching = null;
            }
        }

        foreach (var chunk in all.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(EnsureWatchedAsync));
        }
    }

    public int WatchedChats
    {
        get
        {
            lock (gate)
            {
                return chats.Count;
            }
        }
    }

    private async Task EnsureWatchedAsync(ChatFeed feed)
    {
        Task watching;
        lock (gate)
        {
            watching = feed.Watching ??= WatchAsync(feed);
        }

        try
        {
            await watching.WaitAsync(WatchTimeout);
        }
        catch (Exception ex)
        {
            // The next connection to this chat tries again; meanwhile clients catch up from the log.
            lock (gate)
            {
                if (feed.Watching == watching)
                {
                    feed.Watching = null;
                }
            }

            logger.LogWarning(ex, "Live delivery of chat {ChatId} could not be registered; trying again in 5 s", feed.ChatId);
            _ = RetryLaterAsync(feed);
        }
    }

    /// <summary>
    /// Registers the feed and, before anything is passed on, drops the connections of people the chat says are not
    /// members: a chat re-activated after its silo died never sends the removal that happened meanwhile.
    /// </summary>
    private async Task WatchAsync(ChatFeed feed)
    {
        List<Guid> users;
        lock (gate)
        {
            users = feed.Connections.Values.Distinct().ToList();
        }

        await feed.BeginRegistrationAsync();
        FeedRegistration registration;
        try
        {
            registration = await cluster.GetGrain<IChatGrain>(feed.ChatId).WatchAsync(feed.Reference!, users).WaitAsync(WatchTimeout);
            if (registration.NotMembers.Count > 0)
            {
                await DeliverAsync(feed, new ChatEvent(feed.ChatId, registration.LastSeq, ChatEventType.MembersChanged, null, registration.NotMembers));
            }
        }
        catch
        {
            await feed.RegistrationFailedAsync();
            throw;
        }

        await feed.RegisteredAsync(registration.LastSeq);
    }

    private Task<IReadOnlyList<ChatEvent>> FetchAsync(Guid chatId, long afterSeq) =>
        cluster.GetGrain<IChatGrain>(chatId).FeedCatchupAsync(afterSeq, FetchLimit);

    private async Task RetryLaterAsync(ChatFeed feed)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        bool stillWanted;
        lock (gate)
        {
            stillWanted = chats.TryGetValue(feed.ChatId, out var current) && current == feed && feed.Connections.Count > 0;
        }

        if (stillWanted)
        {
            await EnsureWatchedAsync(feed);
        }
    }

    private async Task EndAsync(ChatFeed feed)
    {
        try
        {
            await cluster.GetGrain<IChatGrain>(feed.ChatId).UnwatchAsync(feed.Reference!).WaitAsync(WatchTimeout);
        }
        catch (Exception ex)
        {
            // The chat forgets the feed by itself when it expires.
            logger.LogWarning(ex, "Ending the feed of chat {ChatId} failed", feed.ChatId);
        }

        cluster.DeleteObjectReference<IChatFeed>(feed.Reference!);
    }

    /// <summary>
    /// Passes one event of <paramref name="feed"/> to that feed's own SignalR group. The group is the feed's, not the
    /// chat's: a feed that was just emptied may still be called while a new one serves the chat's next connection, and
    /// with one group per chat the fault test saw both reach the same connection (an event twice, out of order).
    /// (Not <c>Clients(connectionIds)</c>: SignalR matches such a list against every connection of the node.)
    /// </summary>
    private async Task DeliverAsync(ChatFeed feed, ChatEvent e)
    {
        if (e.Type != ChatEventType.MembersChanged)
        {
            // One message per event and device: the chat list raises its badge from this same event (not for the
            // author's own devices, nor for the chat's students while the event says the school's quiet hours hold).
            await hub.Clients.Group(feed.Group).SendAsync("chatEvent", e);
            if (e is { Type: ChatEventType.Posted, Message: { } message })
            {
                metrics.Delivered(message.At, clock.GetUtcNow());
            }

            return;
        }

        List<(string ConnectionId, Guid UserId)> leaving;
        ChatFeed? emptied = null;
        lock (gate)
        {
            if (!chats.TryGetValue(e.ChatId, out var current) || current != feed)
            {
                return;
            }

            leaving = feed.Connections.Where(c => e.RemovedMembers.Contains(c.Value)).Select(c => (c.Key, c.Value)).ToList();
            foreach (var (connectionId, _) in leaving)
            {
                feed.Connections.Remove(connectionId);
            }

            if (feed.Connections.Count == 0)
            {
                chats.Remove(e.ChatId);
                metrics.FeedEnded();
                emptied = feed;
            }
        }

        foreach (var (connectionId, userId) in leaving)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, feed.Group);
            await hub.Clients.Client(connectionId).SendAsync("chatRemoved", e.ChatId);
            logger.LogInformation("User {UserId} left chat {ChatId}; connection {ConnectionId} removed", userId, e.ChatId, connectionId);
        }

        if (emptied is not null)
        {
            // Not awaited: this runs inside the feed's own call, and ending the feed calls the chat grain.
            _ = EndAsync(emptied);
        }
    }
}
