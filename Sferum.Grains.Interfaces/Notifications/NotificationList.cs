namespace Sferum.Notifications;

/// <summary>A person's notification centre: the newest notifications first and how many are unread.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.NotificationList")]
public sealed record NotificationList(
    [property: Id(0)] IReadOnlyList<Notification> Items,
    [property: Id(1)] int Unread);
