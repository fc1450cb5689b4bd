using Microsoft.AspNetCore.SignalR;
using Sferum.Notifications;
using Sferum.Web.Chats;

namespace Sferum.Web.Notifications;

/// <summary>
/// This web node's receiver of notifications: one client object for the whole node, registered with the notifications
/// grain of every person who has a page open here (from their first connection to their last), renewed with the chat
/// feeds. A push goes as "notification" to each of the person's connections on this node, which this relay already
/// knows: no SignalR group per person (a group is a concurrent dictionary of its own, about 1 KB for every person
/// connected, kept for as long as they are).
/// </summary>
public sealed class NotificationRelay(IClusterClient cluster, IHubContext<ChatHub> hub, ILogger<NotificationRelay> logger) : INotificationFeed
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, HashSet<string>> people = [];
    private INotificationFeed? reference;

    private INotificationFeed Reference
    {
        get
        {
            lock (gate)
            {
                return reference ??= cluster.CreateObjectReference<INotificationFeed>(this);
            }
        }
    }

    /// <summary>A connection of the person opened: their pushes now reach it.</summary>
    public async Task AddAsync(Guid userId, string connectionId)
    {
        bool first;
        lock (gate)
        {
            if (!people.TryGetValue(userId, out var connections))
            {
                people[userId] = connections = [];
            }

            first = connections.Count == 0;
            connections.Add(connectionId);
        }

        if (first)
        {
            await WatchAsync(userId);
        }
    }

    public async Task RemoveAsync(Guid userId, string connectionId)
    {
        bool last;
        lock (gate)
        {
            last = people.TryGetValue(userId, out var connections) && connections.Remove(connectionId) && connections.Count == 0;
            if (last)
            {
                people.Remove(userId);
            }
        }

        if (last)
        {
            try
            {
                await cluster.GetGrain<INotificationsGrain>(userId).UnwatchAsync(Reference).WaitAsync(CallTimeout);
            }
            catch (Exception ex)
            {
                // The grain forgets the node by itself when the registration expires.
                logger.LogWarning(ex, "Ending the notifications of user {UserId} on this node failed", userId);
            }
        }
    }

    /// <summary>Registers again for everyone with a page here: keeps the registrations alive and restores lost ones.</summary>
    public async Task RenewAsync()
    {
        List<Guid> all;
        lock (gate)
        {
            all = people.Keys.ToList();
        }

        foreach (var chunk in all.Chunk(64))
        {
            await Task.WhenAll(chunk.Select(WatchAsync));
        }
    }

    public Task PushAsync(NotificationPush push)
    {
        string[] connections;
        lock (gate)
        {
            if (!people.TryGetValue(push.UserId, out var open))
            {
                return Task.CompletedTask;
            }

            connections = [.. open];
        }

        // One send per connection: SignalR finds a single connection by its id, whereas a list of ids is matched
        // against every connection of the node.
        return Task.WhenAll(connections.Select(id => hub.Clients.Client(id).SendAsync("notification", push)));
    }

    private async Task WatchAsync(Guid userId)
    {
        try
        {
            await cluster.GetGrain<INotificationsGrain>(userId).WatchAsync(Reference).WaitAsync(CallTimeout);
        }
        catch (Exception ex)
        {
            // The next renewal (within a minute) tries again; the page reads the centre when it is opened.
            logger.LogWarning(ex, "Live notifications of user {UserId} could not be registered", userId);
        }
    }
}
