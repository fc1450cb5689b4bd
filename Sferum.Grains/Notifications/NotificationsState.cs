namespace Sferum.Notifications;

/// <summary>
/// A person's notifications: at most <see cref="NotificationsGrain.Keep"/> of the newest (bounded: older ones fall
/// off, the chat's log keeps the messages themselves), the kinds turned off, and the muted chats with their end.
/// </summary>
[GenerateSerializer, Alias("Sferum.NotificationsState")]
public sealed class NotificationsState
{
    [Id(0)] public List<Notification> Items { get; set; } = [];

    [Id(1)] public HashSet<NotificationKind> Disabled { get; set; } = [];

    /// <summary>Chat → end of the mute; null: muted until the person unmutes it.</summary>
    [Id(2)] public Dictionary<Guid, DateTimeOffset?> Mutes { get; set; } = [];
}
