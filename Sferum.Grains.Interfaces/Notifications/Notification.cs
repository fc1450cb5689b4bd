namespace Sferum.Notifications;

/// <summary>
/// One entry of a person's notification centre. <see cref="ChatId"/> and <see cref="Seq"/> point at the message it is
/// about (a mention, a reply, an announcement, a poll's message), <see cref="MeetingId"/> at a meeting. <see cref="ActorId"/>
/// names who caused it (so that an erasure can rename them). <see cref="Id"/>, <see cref="At"/> and <see cref="Read"/> are set by the person's notifications grain; producers leave them empty.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.Notification")]
public sealed record Notification(
    [property: Id(0)] Guid Id,
    [property: Id(1)] NotificationKind Kind,
    [property: Id(2)] Guid? ChatId,
    [property: Id(3)] long? Seq,
    [property: Id(4)] Guid? MeetingId,
    [property: Id(5)] string Title,
    [property: Id(6)] string ActorName,
    [property: Id(7)] string Text,
    [property: Id(8)] DateTimeOffset At,
    [property: Id(9)] bool Read = false,
    [property: Id(10)] Guid? ActorId = null)
{
    /// <summary>A producer's notice: what happened, where and by whom; the grain gives it an id and a time.</summary>
    public static Notification Notice(NotificationKind kind, Guid? chatId, long? seq, Guid? meetingId, string title, Guid? actorId, string actorName, string text) =>
        new(Guid.Empty, kind, chatId, seq, meetingId, title, actorName, Preview(text), default, ActorId: actorId);

    /// <summary>The first 140 characters of a message: enough to recognise it, not a copy of it.</summary>
    public static string Preview(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : text.Length > 140 ? text[..140].TrimEnd() + "…" : text.Trim();
}
