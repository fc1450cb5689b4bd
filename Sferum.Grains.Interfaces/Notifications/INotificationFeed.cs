using Orleans.Concurrency;

namespace Sferum.Notifications;

/// <summary>
/// A web node's receiver of the notifications of the people who have pages open there. The notifications grain calls
/// it one way: a slow or dead node never holds anything back, and the page reads the centre again when it reconnects.
/// </summary>
[Alias("Sferum.INotificationFeed")]
public interface INotificationFeed : IGrainObserver
{
    [OneWay, Alias("Push")]
    Task PushAsync(NotificationPush push);
}
