using Microsoft.AspNetCore.SignalR;
using Orleans.Runtime;
using Orleans.Streams;
using Sferum.Chats;
using Sferum.Common;

namespace Sferum.Web.Chats;

/// <summary>
/// This web node's bridge from chat streams to SignalR: one stream subscription per chat that has at least one
/// connection here (reference-counted, dropped with the last one), fanned out to the chat's SignalR group. When a
/// chat's members change, the connections of people who left are taken out of the group at once.
/// </summary>
public sealed class ChatRelay(IClusterClient cluster, IHubContext<ChatHub> hub, ILogger<ChatRelay> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<Guid, ChatChannel> chats = [];

    public static string Group(Guid chatId) => $"chat:{chatId}";

    /// <summary>Adds a connection (of a member: the hub has checked) to a chat's live delivery.</summary>
    public async Task AddAsync(Guid chatId, string connectionId, Guid userId)
    {
        await gate.WaitAsync();
        try
        {
            if (!chats.TryGetValue(chatId, out var channel))
            {
                var stream = cluster.GetStreamProvider(StreamNames.Provider).GetStream<ChatEvent>(StreamId.Create(StreamNames.Chat, chatId));
                var handle = await stream.SubscribeAsync((e, _) => DeliverAsync(e));
                chats[chatId] = channel = new ChatChannel(handle);
            }

            channel.Connections[connectionId] = userId;
            await hub.Groups.AddToGroupAsync(connectionId, Group(chatId));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Removes a connection from every chat it was in; the last one out ends the chat's subscription.</summary>
    public async Task RemoveConnectionAsync(string connectionId)
    {
        await gate.WaitAsync();
        try
        {
            foreach (var (chatId, channel) in chats.Where(c => c.Value.Connections.ContainsKey(connectionId)).ToList())
            {
                channel.Connections.Remove(connectionId);
                await DropIfUnusedAsync(chatId, channel);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<int> SubscribedChatsAsync()
    {
        await gate.WaitAsync();
        try
        {
            return chats.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DeliverAsync(ChatEvent e)
    {
        if (e.Type != ChatEventType.MembersChanged)
        {
            await hub.Clients.Group(Group(e.ChatId)).SendAsync("chatEvent", e);
            return;
        }

        await gate.WaitAsync();
        try
        {
            if (!chats.TryGetValue(e.ChatId, out var channel))
            {
                return;
            }

            foreach (var (connectionId, userId) in channel.Connections.Where(c => e.RemovedMembers.Contains(c.Value)).ToList())
            {
                channel.Connections.Remove(connectionId);
                await hub.Groups.RemoveFromGroupAsync(connectionId, Group(e.ChatId));
                await hub.Clients.Client(connectionId).SendAsync("chatRemoved", e.ChatId);
                logger.LogInformation("User {UserId} left chat {ChatId}; connection {ConnectionId} removed", userId, e.ChatId, connectionId);
            }

            await DropIfUnusedAsync(e.ChatId, channel);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DropIfUnusedAsync(Guid chatId, ChatChannel channel)
    {
        if (channel.Connections.Count > 0)
        {
            return;
        }

        chats.Remove(chatId);
        try
        {
            await channel.Subscription.UnsubscribeAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Unsubscribing from chat {ChatId} failed", chatId);
        }
    }

    private sealed class ChatChannel(StreamSubscriptionHandle<ChatEvent> subscription)
    {
        public StreamSubscriptionHandle<ChatEvent> Subscription { get; } = subscription;

        public Dictionary<string, Guid> Connections { get; } = [];
    }
}
