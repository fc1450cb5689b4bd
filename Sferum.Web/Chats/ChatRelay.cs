using Microsoft.AspNetCore.SignalR;
using Orleans.Runtime;
using Orleans.Streams;
using Sferum.Chats;
using Sferum.Common;

namespace Sferum.Web.Chats;

/// <summary>
/// This web node's bridge from chat streams to SignalR: one stream subscription per chat that has at least one
/// connection here (reference-counted, dropped with the last one), fanned out to the chat's SignalR group. When a
/// chat's members change, the connections of people who left are taken out of the group at once. The bookkeeping lock
/// is never held across a call to the cluster: a slow subscription (after a database outage, say) delays only its chat.
/// </summary>
public sealed class ChatRelay(IClusterClient cluster, IHubContext<ChatHub> hub, ILogger<ChatRelay> logger)
{
    private static readonly TimeSpan SubscribeTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, ChatChannel> chats = [];
    private HashSet<string>? knownHosts;

    public static string Group(Guid chatId) => $"chat:{chatId}";

    /// <summary>
    /// Adds a connection (of a member: the hub has checked) to a chat's live delivery. With <paramref name="waitForStream"/>
    /// false the stream subscription is made in the background: a connecting device must not wait for all its chats.
    /// </summary>
    public async Task AddAsync(Guid chatId, string connectionId, Guid userId, bool waitForStream = true)
    {
        ChatChannel channel;
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out channel!))
            {
                chats[chatId] = channel = new ChatChannel();
            }

            channel.Connections[connectionId] = userId;
        }

        await hub.Groups.AddToGroupAsync(connectionId, Group(chatId));
        var subscribed = EnsureSubscribedAsync(chatId, channel);
        if (waitForStream)
        {
            await subscribed;
        }
    }

    /// <summary>Removes a connection from every chat it was in; the last one out ends the chat's subscription.</summary>
    public async Task RemoveConnectionAsync(string connectionId)
    {
        List<(Guid ChatId, ChatChannel Channel)> emptied = [];
        lock (gate)
        {
            foreach (var (chatId, channel) in chats.Where(c => c.Value.Connections.Remove(connectionId)).ToList())
            {
                if (channel.Connections.Count == 0)
                {
                    chats.Remove(chatId);
                    emptied.Add((chatId, channel));
                }
            }
        }

        foreach (var (chatId, channel) in emptied)
        {
            await UnsubscribeAsync(chatId, channel);
        }
    }

    /// <summary>
    /// Stream subscriptions die silently with the silo that served them (measured: shared/notes/streams.md). When the
    /// set of active silos changes, every chat of this node is subscribed again. Called every few seconds.
    /// </summary>
    public async Task HealAsync()
    {
        var hosts = (await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.Select(h => h.ToParsableString()).ToHashSet();
        List<(Guid ChatId, ChatChannel Channel)> all;
        lock (gate)
        {
            if (knownHosts is null || knownHosts.SetEquals(hosts))
            {
                knownHosts = hosts;
                return;
            }

            knownHosts = hosts;
            all = chats.Select(kv => (kv.Key, kv.Value)).ToList();
        }

        logger.LogInformation("The cluster changed; subscribing {Count} chats again", all.Count);
        foreach (var (chatId, channel) in all)
        {
            var old = channel.Subscription;
            lock (gate)
            {
                channel.Subscription = null;
            }

            await EnsureSubscribedAsync(chatId, channel);
            if (old is { IsCompletedSuccessfully: true })
            {
                try
                {
                    await old.Result.UnsubscribeAsync().WaitAsync(SubscribeTimeout);
                }
                catch (Exception ex)
                {
                    logger.LogDebug(ex, "The old subscription of chat {ChatId} was already gone", chatId);
                }
            }
        }
    }

    public int SubscribedChats
    {
        get
        {
            lock (gate)
            {
                return chats.Count;
            }
        }
    }

    private async Task EnsureSubscribedAsync(Guid chatId, ChatChannel channel)
    {
        Task<StreamSubscriptionHandle<ChatEvent>> subscribing;
        lock (gate)
        {
            subscribing = channel.Subscription ??= SubscribeAsync(chatId);
        }

        try
        {
            await subscribing.WaitAsync(SubscribeTimeout);
        }
        catch (Exception ex)
        {
            // The next connection to this chat tries again; meanwhile clients catch up from the log.
            lock (gate)
            {
                if (channel.Subscription == subscribing)
                {
                    channel.Subscription = null;
                }
            }

            logger.LogWarning(ex, "Live delivery of chat {ChatId} could not be subscribed; trying again in 5 s", chatId);
            _ = RetryLaterAsync(chatId, channel);
        }
    }

    private async Task RetryLaterAsync(Guid chatId, ChatChannel channel)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        bool stillWanted;
        lock (gate)
        {
            stillWanted = chats.TryGetValue(chatId, out var current) && current == channel && channel.Connections.Count > 0;
        }

        if (stillWanted)
        {
            await EnsureSubscribedAsync(chatId, channel);
        }
    }

    private Task<StreamSubscriptionHandle<ChatEvent>> SubscribeAsync(Guid chatId) =>
        cluster.GetStreamProvider(StreamNames.Provider)
            .GetStream<ChatEvent>(StreamId.Create(StreamNames.Chat, chatId))
            .SubscribeAsync((e, _) => DeliverAsync(e));

    private async Task UnsubscribeAsync(Guid chatId, ChatChannel channel)
    {
        try
        {
            if (channel.Subscription is { } subscribing)
            {
                await (await subscribing.WaitAsync(SubscribeTimeout)).UnsubscribeAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Unsubscribing from chat {ChatId} failed", chatId);
        }
    }

    private async Task DeliverAsync(ChatEvent e)
    {
        if (e.Type != ChatEventType.MembersChanged)
        {
            await hub.Clients.Group(Group(e.ChatId)).SendAsync("chatEvent", e);
            if (e.Type == ChatEventType.Posted && e.Message is { } message)
            {
                await NotifyAsync(e, message);
            }

            return;
        }

        List<(string ConnectionId, Guid UserId)> leaving;
        ChatChannel? emptied = null;
        lock (gate)
        {
            if (!chats.TryGetValue(e.ChatId, out var channel))
            {
                return;
            }

            leaving = channel.Connections.Where(c => e.RemovedMembers.Contains(c.Value)).Select(c => (c.Key, c.Value)).ToList();
            foreach (var (connectionId, _) in leaving)
            {
                channel.Connections.Remove(connectionId);
            }

            if (channel.Connections.Count == 0)
            {
                chats.Remove(e.ChatId);
                emptied = channel;
            }
        }

        foreach (var (connectionId, userId) in leaving)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, Group(e.ChatId));
            await hub.Clients.Client(connectionId).SendAsync("chatRemoved", e.ChatId);
            logger.LogInformation("User {UserId} left chat {ChatId}; connection {ConnectionId} removed", userId, e.ChatId, connectionId);
        }

        if (emptied is not null)
        {
            await UnsubscribeAsync(e.ChatId, emptied);
        }
    }

    /// <summary>
    /// "New message" for every device in the chat except the author's and, during the school's quiet hours, the
    /// students' (the chat event itself still reaches an open chat: they see it when they look, they are not woken).
    /// </summary>
    private async Task NotifyAsync(ChatEvent e, ChatMessage message)
    {
        List<string> excluded;
        var silent = e.Silent is { Count: > 0 } list ? list.ToHashSet() : [];
        lock (gate)
        {
            if (!chats.TryGetValue(e.ChatId, out var channel))
            {
                return;
            }

            excluded = channel.Connections.Where(c => c.Value == message.AuthorId || silent.Contains(c.Value)).Select(c => c.Key).ToList();
        }

        var preview = message.Text is { Length: > 100 } text ? text[..100] + "…" : message.Text ?? "📎 файл";
        await hub.Clients.GroupExcept(Group(e.ChatId), excluded).SendAsync("notify", new ChatNotification(e.ChatId, e.Seq, message.AuthorName, preview));
    }

    private sealed class ChatChannel
    {
        public Task<StreamSubscriptionHandle<ChatEvent>>? Subscription { get; set; }

        public Dictionary<string, Guid> Connections { get; } = [];
    }
}

/// <summary>What a device shows for a new message in any of the person's chats (the chat list's badge, the page title).</summary>
public sealed record ChatNotification(Guid ChatId, long Seq, string AuthorName, string Preview);
