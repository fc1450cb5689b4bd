namespace Sferum.Chats;

/// <summary>A chat as the chat list shows it to one member.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatSummary")]
public sealed record ChatSummary(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] ChatKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] long LastSeq,
    [property: Id(4)] int Unread,
    [property: Id(5)] ChatMessage? LastMessage,
    [property: Id(6)] bool CanPost,
    [property: Id(7)] int Members,
    [property: Id(8)] bool CanModerate);
