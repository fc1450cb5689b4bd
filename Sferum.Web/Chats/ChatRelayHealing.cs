namespace Sferum.Web.Chats;

/// <summary>Checks every few seconds whether the cluster's silos changed, so that live delivery heals after a failure.</summary>
public sealed class ChatRelayHealing(ChatRelay relay, ILogger<ChatRelayHealing> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await relay.HealAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster is unreachable right now: readiness says so; try again at the next tick.
                logger.LogDebug(ex, "Checking the cluster for live delivery failed");
            }
        }
    }
}
