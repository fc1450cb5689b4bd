namespace Sferum.Chats;

/// <summary>
/// A notification that belongs to a chat but not to one of its posts: a poll closing soon, a meeting that started.
/// The chat sends it to <see cref="Recipients"/> (or to every member when null) who are members now, never to
/// <see cref="ActorId"/>, each marked quiet when the school's quiet hours hold for them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatNotice")]
public sealed record ChatNotice(
    [property: Id(0)] Notifications.NotificationKind Kind,
    [property: Id(1)] Guid? ActorId,
    [property: Id(2)] string ActorName,
    [property: Id(3)] string Text,
    [property: Id(4)] long? Seq = null,
    [property: Id(5)] Guid? MeetingId = null,
    [property: Id(6)] IReadOnlyList<Guid>? Recipients = null);
