using Sferum.PersonalData;

namespace Sferum.Silo.Hosting;

/// <summary>
/// Makes sure the personal-data job's reminder exists once the silo is up (registered after Orleans, so it starts after
/// the silo joined). Every silo does it; the reminder is one per cluster, so that changes nothing.
/// </summary>
internal sealed class PersonalDataJobStarter(IGrainFactory grains, ILogger<PersonalDataJobStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await grains.GetGrain<IPersonalDataJobsGrain>(0).EnsureScheduledAsync();
        logger.LogInformation("Personal-data job scheduled");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
