namespace Sferum.Notifications;

/// <summary>
/// What a web node passes to a person's open pages: the new unread count and, for a new notification, the
/// notification. <see cref="Live"/> is false during the school's quiet hours (the badge's number moves, nothing pings)
/// and for changes of read state.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.NotificationPush")]
public sealed record NotificationPush(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] int Unread,
    [property: Id(2)] Notification? Notification,
    [property: Id(3)] bool Live);
