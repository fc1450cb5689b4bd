using Sferum.Incidents;

namespace Sferum.Silo.Hosting;

/// <summary>
/// Makes sure the periodic scan for personal-data incident signals runs: every silo asks once it is up, the grain keeps
/// one reminder for the cluster. Retried until it succeeds: without it no signal would ever be opened.
/// </summary>
internal sealed class IncidentSignalsStarter(IGrainFactory grains, ILogger<IncidentSignalsStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<IIncidentSignalsGrain>(0).StartAsync();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Incident signals: the scan could not be started yet (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 5 * attempt)), stoppingToken);
            }
        }
    }
}
