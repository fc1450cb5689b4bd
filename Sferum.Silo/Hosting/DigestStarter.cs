using Sferum.Digest;

namespace Sferum.Silo.Hosting;

/// <summary>Makes sure the digest scheduler's reminder exists once the silo is up (only when digests are on).</summary>
internal sealed class DigestStarter(IGrainFactory grains, ILogger<DigestStarter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await grains.GetGrain<IDigestSchedulerGrain>(0).EnsureScheduledAsync();
        logger.LogInformation("E-mail digest scheduled");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
