using Sferum.PersonalData;

namespace Sferum.Silo.PersonalData;

/// <summary>
/// Makes sure the nightly retention reminder exists once the silo is up (every silo asks; the grain registers it
/// once). Retried while the cluster is still forming, so that it never holds up or fails the silo's start.
/// </summary>
internal sealed class RetentionSchedule(IGrainFactory grains, ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IRetentionSchedulerGrain>(0).EnsureScheduledAsync();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Retention's nightly reminder not registered yet (attempt {Attempt}): {Error}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 5 * attempt)), stoppingToken);
            }
        }
    }
}
