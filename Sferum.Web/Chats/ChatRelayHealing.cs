namespace Sferum.Web.Chats;

/// <summary>
/// Checks every few seconds whether the cluster's silos changed, so that live delivery heals after a failure, and
/// renews this node's chat feeds before the chat grains let them expire.
/// </summary>
public sealed class ChatRelayHealing(ChatRelay relay, Notifications.NotificationRelay notifications, ILogger<ChatRelayHealing> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        var renewed = DateTime.UtcNow;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var changed = await relay.HealAsync();
                if (DateTime.UtcNow - renewed >= Sferum.Chats.ChatFeeds.RenewEvery)
                {
                    renewed = DateTime.UtcNow;
                    await relay.RenewAsync();
                    changed = true;
                }

                if (changed)
                {
                    // The notification registrations live in grain memory too, and expire like the chat feeds.
                    await notifications.RenewAsync();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster is unreachable right now: readiness says so; try again at the next tick.
                logger.LogDebug(ex, "Checking the cluster for live delivery failed");
            }
        }
    }
}
