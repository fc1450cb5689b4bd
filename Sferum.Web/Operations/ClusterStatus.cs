using Sferum.Health;

namespace Sferum.Web.Operations;

/// <summary>The silos of the cluster as the membership table has them, with each active silo's load and build.</summary>
public sealed class ClusterStatus(IClusterClient cluster)
{
    // Old runs leave dead entries behind; an hour is long enough to see a silo that just died.
    private static readonly TimeSpan RecentlyDead = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<SiloRow>> ReadAsync(Guid operatorId)
    {
        var management = cluster.GetGrain<IManagementGrain>(0);
        var entries = (await management.GetDetailedHosts(onlyActive: false))
            .Where(e => e.Status != SiloStatus.Dead || DateTime.UtcNow - e.IAmAliveTime < RecentlyDead)
            .OrderBy(e => e.Status == SiloStatus.Active ? 0 : 1).ThenBy(e => e.SiloAddress.ToString())
            .ToList();
        var active = entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var load = active.Zip(statistics).ToDictionary(p => p.First, p => p.Second);
        var builds = await Task.WhenAll(active.Select(silo => BuildAsync(silo, operatorId)));
        var build = active.Zip(builds).ToDictionary(p => p.First, p => p.Second);

        return entries.Select(e => new SiloRow(
            e.SiloAddress.ToParsableString(), e.SiloName, e.HostName, e.Status, e.StartTime, e.IAmAliveTime,
            build.GetValueOrDefault(e.SiloAddress), load.GetValueOrDefault(e.SiloAddress))).ToList();
    }

    private async Task<string> BuildAsync(SiloAddress silo, Guid operatorId)
    {
        try
        {
            var info = await cluster.GetSiloInfoAsync(silo, operatorId).WaitAsync(TimeSpan.FromSeconds(3));
            return info.Version;
        }
        catch (Exception ex) when (ex is Common.DomainException or TimeoutException or OrleansException)
        {
            return "не ответил";
        }
    }
}

/// <summary>A silo as the status page shows it; <see cref="Load"/> only for active ones.</summary>
public sealed record SiloRow(
    string Address, string Name, string Host, SiloStatus Status, DateTime StartedAt, DateTime LastAliveAt, string? Build, SiloRuntimeStatistics? Load);
