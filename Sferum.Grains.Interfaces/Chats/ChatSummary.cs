namespace Sferum.Chats;

/// <summary>
/// A chat as the chat list shows it to one member. <see cref="QuietHoursApply"/>: the member is one of the chat's
/// students, whom the school's quiet hours leave un-notified (the list reads it with a live event's
/// <see cref="ChatEvent.QuietForStudents"/>).
/// </summary>
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
    [property: Id(8)] bool CanModerate,
    [property: Id(9)] bool QuietHoursApply = false);
