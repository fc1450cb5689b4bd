using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Sferum.PersonalData;

/// <summary>
/// The periodic job: leavers past the grace period are erased (each by their own erasure grain, which makes it once
/// and finishes it if interrupted), acts past their keeping period are purged. A failure of one leaver is reported and
/// retried at the next run; it does not stop the others.
/// </summary>
public sealed class PersonalDataJobsGrain(
    LeaverFinder leavers,
    ErasureTargetReader reader,
    DestructionActStore acts,
    IOptions<PersonalDataOptions> options,
    TimeProvider clock,
    ILogger<PersonalDataJobsGrain> logger) : Grain, IPersonalDataJobsGrain, IRemindable
{
    private const string Reminder = "personal-data";
    private const int BatchSize = 200;

    public async Task EnsureScheduledAsync()
    {
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.JobIntervalMinutes));
        // Registering again with the same period only moves the next tick: the job runs at most one period late.
        await this.RegisterOrUpdateReminder(Reminder, period, period);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunAsync();

    public async Task<PersonalDataJobReport> RunAsync()
    {
        var now = clock.GetUtcNow();
        var grace = options.Value.LeaverGraceDays;
        var failures = new List<string>();
        var erased = 0;
        foreach (var leaver in await leavers.DueAsync(now.AddDays(-grace), BatchSize))
        {
            // An account still in use elsewhere keeps its data; only this school's roster entry goes.
            var key = leaver.UserId is { } user && !await reader.IsCurrentElsewhereAsync(user, leaver.SchoolId, leaver.JournalId)
                ? PersonKeys.ForUser(user)
                : PersonKeys.ForRosterEntry(leaver.SchoolId, leaver.JournalId);
            try
            {
                await GrainFactory.GetGrain<IPersonErasureGrain>(key).EraseAsync(ErasureReason.LeftRoster, leaver.SchoolId,
                    $"Выбыл(а) из списков школы {leaver.RemovedAt:dd.MM.yyyy}; срок хранения после выбытия ({grace} дн.) истёк.");
                erased++;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Erasure of leaver {Key} failed; the next run tries again", key);
                failures.Add($"{key}: {ex.Message}");
            }
        }

        var purged = await acts.PurgeAsync(now);
        if (erased > 0 || purged > 0 || failures.Count > 0)
        {
            logger.LogInformation("Personal-data job: {Erased} leavers erased, {Purged} acts purged, {Failed} failed", erased, purged, failures.Count);
        }

        return new PersonalDataJobReport(erased, purged, failures);
    }
}
