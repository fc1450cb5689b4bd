namespace Sferum.Chats;

/// <summary>
/// A message as it is now (after edits, deletion, reactions). A deleted message keeps its place and sequence number
/// and loses its text; one a moderator hid is also <see cref="Deleted"/>, with <see cref="Hidden"/> set. <see cref="MeetingId"/> makes the message a meeting's card. <see cref="Mentions"/> names the members called with @ (by id, as the chat checked them). <see cref="Reactions"/> maps an emoji to the ids of the users who chose it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatMessage")]
public sealed record ChatMessage(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] long Seq,
    [property: Id(2)] Guid AuthorId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] string? Text,
    [property: Id(5)] long? ReplyTo,
    [property: Id(6)] DateTimeOffset At,
    [property: Id(7)] DateTimeOffset? EditedAt,
    [property: Id(8)] bool Deleted,
    [property: Id(9)] string? ClientId,
    [property: Id(10)] IReadOnlyDictionary<string, IReadOnlyList<Guid>> Reactions,
    [property: Id(11)] bool Pinned = false,
    [property: Id(12)] IReadOnlyList<ChatAttachment>? Attachments = null,
    [property: Id(13)] Guid? PollId = null,
    [property: Id(14)] bool RequiresAck = false,
    [property: Id(15)] bool Hidden = false,
    [property: Id(16)] Guid? MeetingId = null,
    [property: Id(17)] IReadOnlyList<Guid>? Mentions = null);
