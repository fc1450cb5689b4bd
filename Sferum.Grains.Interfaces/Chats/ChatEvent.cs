namespace Sferum.Chats;

/// <summary>
/// One entry of a chat's log as delivered live and on catch-up: its own <see cref="Seq"/> (gapless per chat) and the
/// message it concerns in its current state. A client applies events by <see cref="Seq"/>: it ignores what it has
/// seen and fetches from history when it notices a gap. <see cref="Silent"/> lists the members who get no notification
/// of a new message (students during the school's quiet hours); they still see it in the chat.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatEvent")]
public sealed record ChatEvent(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] long Seq,
    [property: Id(2)] ChatEventType Type,
    [property: Id(3)] ChatMessage? Message,
    [property: Id(4)] IReadOnlyList<Guid> RemovedMembers,
    [property: Id(5)] Polls.PollView? Poll = null,
    [property: Id(6)] IReadOnlyList<Guid>? Silent = null,
    [property: Id(7)] Guid? Meeting = null);
