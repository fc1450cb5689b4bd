namespace Sferum.Chats;

/// <summary>A page of history (messages in order) or of catch-up (log entries after a sequence number).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatPage")]
public sealed record ChatPage(
    [property: Id(0)] IReadOnlyList<ChatMessage> Messages,
    [property: Id(1)] bool HasMore,
    [property: Id(2)] long LastSeq);
