using Orleans.Concurrency;

namespace Sferum.Notifications;

/// <summary>
/// One person's notification centre, keyed by the person's user id: the newest 100 notifications, the unread count,
/// the kinds they receive and the chats they muted. Only the person reads or changes it (every call names the caller,
/// and anyone else is refused); producers (the chat, poll, meeting and invitation grains) hand it notices one way.
/// </summary>
[Alias("Sferum.INotificationsGrain")]
public interface INotificationsGrain : IGrainWithGuidKey
{
    /// <summary>
    /// A producer's notice (grains only; the web never calls it). Dropped when the person turned the kind off or muted
    /// the chat (a mention still comes through a mute); kept but not pushed live when <paramref name="quiet"/> (the
    /// school's quiet hours hold for the person now).
    /// </summary>
    [OneWay, Alias("Notify")]
    Task NotifyAsync(Notification notice, bool quiet);

    /// <summary>The centre, newest first.</summary>
    [Alias("List")]
    Task<NotificationList> ListAsync(Guid userId);

    /// <summary>The unread count (for the badge in the menu).</summary>
    [Alias("Unread"), AlwaysInterleave]
    Task<int> UnreadAsync(Guid userId);

    [Alias("MarkRead")]
    Task<int> MarkReadAsync(Guid userId, Guid notificationId);

    [Alias("MarkAllRead")]
    Task<int> MarkAllReadAsync(Guid userId);

    [Alias("GetSettings")]
    Task<NotificationSettings> GetSettingsAsync(Guid userId);

    /// <summary>Turns one kind of notification on or off.</summary>
    [Alias("SetKind")]
    Task<NotificationSettings> SetKindAsync(Guid userId, NotificationKind kind, bool on);

    /// <summary>Mutes a chat the person is in until <paramref name="until"/> (null: until unmuted).</summary>
    [Alias("MuteChat")]
    Task<NotificationSettings> MuteChatAsync(Guid userId, Guid chatId, DateTimeOffset? until);

    [Alias("UnmuteChat")]
    Task<NotificationSettings> UnmuteChatAsync(Guid userId, Guid chatId);

    /// <summary>Personal-data erasure of this person (trusted host code): the centre and the settings are gone.</summary>
    [Alias("Erase")]
    Task EraseAsync();

    /// <summary>Personal-data erasure of someone else (their chats call it): notifications they caused name «бывший участник».</summary>
    [Alias("ForgetActor")]
    Task ForgetActorAsync(Guid actorId);

    /// <summary>A web node with open pages of this person asks for their pushes (renewed like chat feeds).</summary>
    [Alias("Watch")]
    Task WatchAsync(INotificationFeed feed);

    [Alias("Unwatch")]
    Task UnwatchAsync(INotificationFeed feed);
}
