namespace Sferum.Chats;

/// <summary>A message to send. <see cref="ClientId"/> is made by the sender's device: a retry with the same id returns
/// the message already stored instead of a second copy. <see cref="PollId"/> is set only by the poll's own grain, <see cref="MeetingId"/> only by the meeting's;
/// <see cref="RequiresAck"/> (an announcement each member confirms) only by a teacher of the chat or a school admin. <see cref="Mentions"/>: the members the author picked after @;
/// the chat keeps only those who are members (and not the author).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SendMessage")]
public sealed record SendMessage(
    [property: Id(0)] string ClientId,
    [property: Id(1)] string Text,
    [property: Id(2)] long? ReplyTo,
    [property: Id(3)] IReadOnlyList<ChatAttachment>? Attachments = null,
    [property: Id(4)] Guid? PollId = null,
    [property: Id(5)] bool RequiresAck = false,
    [property: Id(6)] Guid? MeetingId = null,
    [property: Id(7)] IReadOnlyList<Guid>? Mentions = null);
