using Sferum.Chats;

namespace Sferum.Web.Chats;

/// <summary>
/// This node's feed of one chat: the connections here that belong to the chat's members, and the client object the
/// chat grain calls with each commit's events. Orleans runs one object's calls one at a time, so a chat's events
/// reach its SignalR group in order, while other chats' feeds deliver in parallel.
/// </summary>
public sealed class ChatFeed(Guid chatId, Func<IReadOnlyList<ChatEvent>, Task> deliver) : IChatFeed
{
    public Guid ChatId { get; } = chatId;

    /// <summary>Connection id → user id (guarded by the relay's lock).</summary>
    public Dictionary<string, Guid> Connections { get; } = [];

    /// <summary>The reference the chat grain holds (set once, by the relay).</summary>
    public IChatFeed? Reference { get; set; }

    /// <summary>The latest registration with the chat grain; null when it failed and must be made again.</summary>
    public Task? Watching { get; set; }

    public Task DeliverAsync(IReadOnlyList<ChatEvent> events) => deliver(events);
}
