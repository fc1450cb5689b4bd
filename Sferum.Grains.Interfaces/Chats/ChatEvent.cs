namespace Sferum.Chats;

/// <summary>
/// One entry of a chat's log as delivered live and on catch-up: its own <see cref="Seq"/> (gapless per chat) and the
/// message it concerns in its current state. A client applies events by <see cref="Seq"/>: it ignores what it has
/// seen and fetches from history when it notices a gap. <see cref="QuietForStudents"/>: the school's quiet hours hold
/// now, so a new message notifies none of the chat's students (they still see it in the chat). A flag, not a list of
/// the silenced: a post to a school channel of 2,000 pupils carried their 2,000 ids to every member (about 80 KB per
/// delivery), and who is silenced is nobody else's business. Id 6 was that list; it is not reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatEvent")]
public sealed record ChatEvent(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] long Seq,
    [property: Id(2)] ChatEventType Type,
    [property: Id(3)] ChatMessage? Message,
    [property: Id(4)] IReadOnlyList<Guid> RemovedMembers,
    [property: Id(5)] Polls.PollView? Poll = null,
    [property: Id(7)] Guid? Meeting = null,
    [property: Id(8)] bool QuietForStudents = false);
