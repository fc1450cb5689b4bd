using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Platform;
using Sferum.Schools;

namespace Sferum.Incidents;

/// <summary>
/// The periodic scan for signals (one grain for the cluster). A durable reminder runs it; each scan looks back from the
/// previous one by the longest window, so nothing between two scans is missed, and the marks of
/// <see cref="SignalScanner"/> keep it from opening the same signal twice. Incidents it opens are handed to their own
/// grains, which remind the responsible people; one it opened but could not hand over is handed over by the next scan.
/// </summary>
public sealed class IncidentSignalsGrain(
    // Its own state name: grain storage keys rows by state name and key, and the school directory (key 0 too) uses "state".
    [PersistentState("incidentSignals", GrainStorage.Default)] IPersistentState<IncidentSignalsState> state,
    SignalScanner scanner,
    IncidentStore incidents,
    IOptions<SignalOptions> signalOptions,
    IOptions<IncidentOptions> incidentOptions,
    ILogger<IncidentSignalsGrain> logger) : Grain, IIncidentSignalsGrain, IRemindable
{
    public const string ReminderName = "scan";

    private static readonly string[] Kinds = [IncidentSources.ProfileReads, IncidentSources.Exports, IncidentSources.Refusals];

    public async Task StartAsync()
    {
        var every = signalOptions.Value.ScanEveryMinutes;
        if (state.State.ScanEveryMinutes == every && await this.GetReminder(ReminderName) is not null)
        {
            return;
        }

        // The first scan soon after start; then on the configured period (Orleans' minimum is one minute).
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(Math.Max(1, every)));
        state.State.ScanEveryMinutes = every;
        await state.WriteStateAsync();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => ScanAsync();

    public async Task<int> ScanAsync()
    {
        var o = signalOptions.Value;
        var now = await scanner.DatabaseNowAsync();
        var longest = TimeSpan.FromMinutes(new[] { o.ProfileReadsWindowMinutes, o.ExportsWindowMinutes, o.RefusalsWindowMinutes }.Max());
        // A minute more for entries whose transaction started before the last scan and committed after it.
        var since = (state.State.LastScanAt ?? now) - longest - TimeSpan.FromMinutes(1);
        var earliest = now - TimeSpan.FromHours(o.MaxLookbackHours);
        since = since < earliest ? earliest : since;

        var opened = 0;
        foreach (var kind in Kinds)
        {
            foreach (var finding in await scanner.FindAsync(kind, since, o))
            {
                if (await OpenAsync(finding, now))
                {
                    opened++;
                }
            }
        }

        foreach (var untracked in await incidents.UntrackedAsync())
        {
            try
            {
                await GrainFactory.GetGrain<IIncidentGrain>(untracked).WatchAsync();
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Incident {IncidentId}: its deadlines could not be taken over yet; the next scan tries again", untracked);
            }
        }

        state.State.LastScanAt = now;
        await state.WriteStateAsync();
        if (opened > 0)
        {
            logger.LogWarning("Signal scan opened {Count} incident(s) for review", opened);
        }

        return opened;
    }

    private async Task<bool> OpenAsync(SignalFinding finding, DateTimeOffset now)
    {
        var school = await GrainFactory.GetGrain<ISchoolGrain>(finding.SchoolId).GetAsync();
        var (description, subjects, people) = SignalTexts.For(finding, signalOptions.Value, IncidentClock.For(school?.TimeZone));
        var io = incidentOptions.Value;
        var incident = new IncidentRecord(Guid.NewGuid(), finding.SchoolId, IncidentStatus.Review, finding.Kind, description, subjects, people, now,
            "", "", "", "", "", null, now, now.AddHours(io.FirstNoticeHours), null, null, now.AddHours(io.ResultsHours), null, null, null, null, null, null);
        var entry = new AuditEntry(finding.SchoolId, null, null, "incident.signal-opened",
            $"Автоматический сигнал открыт для проверки: {IncidentSources.Describe(finding.Kind)}",
            new Dictionary<string, object?>
            {
                ["incident"] = incident.IncidentId, ["source"] = finding.Kind, ["entries"] = finding.Entries, ["peak"] = finding.Peak,
                ["covered_upto"] = finding.CoveredUpto,
            },
            SubjectUserId: finding.ActorUserId);
        if (!await scanner.OpenAsync(finding, incident, entry))
        {
            return false;
        }

        await GrainFactory.GetGrain<IIncidentGrain>(incident.IncidentId).WatchAsync();
        return true;
    }
}
