using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Sferum.Common;

namespace Sferum.PersonalData;

/// <summary>
/// The nightly retention job: one grain, one durable reminder at <see cref="RetentionOptions.RunAt"/> platform time
/// (Moscow, <see cref="SchoolClock.Fallback"/>: the job is the platform's, no one school's)
/// every 24 hours. Each school is applied in its own transaction; one school's failure is logged and the others go on.
/// </summary>
public sealed class RetentionSchedulerGrain(
    RetentionStore store,
    RetentionApplier applier,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionSchedulerGrain> logger) : Grain, IRetentionSchedulerGrain, IRemindable
{
    private const string Nightly = "nightly";

    public async Task EnsureScheduledAsync()
    {
        if (await this.GetReminder(Nightly) is null)
        {
            await this.RegisterOrUpdateReminder(Nightly, UntilNextRun(clock.GetUtcNow(), options.Value.RunAt), TimeSpan.FromDays(1));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await RunNightlyAsync();

    public async Task<IReadOnlyList<RetentionReport>> RunNightlyAsync()
    {
        var reports = new List<RetentionReport>();
        foreach (var school in await store.SchoolsWithLimitsAsync())
        {
            try
            {
                reports.Add(await applier.ApplySchoolAsync(school, "nightly", null));
            }
            catch (Npgsql.NpgsqlException ex)
            {
                logger.LogError(ex, "Retention of school {SchoolId} failed; the next night tries again", school);
            }
        }

        // After the schools: their detached files become unreferenced and go in the same night.
        reports.Add(await applier.ApplyPlatformAsync("nightly"));
        return reports;
    }

    /// <summary>The time until the next <paramref name="runAt"/> (HH:mm, platform time) after <paramref name="now"/>.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now, string runAt)
    {
        var time = TimeOnly.ParseExact(runAt, "HH:mm", CultureInfo.InvariantCulture);
        var platform = SchoolClock.Fallback;
        var local = platform.Local(now);
        var next = platform.At(DateOnly.FromDateTime(local.DateTime).ToDateTime(time));
        if (next <= local)
        {
            next = next.AddDays(1);
        }

        return next - local;
    }
}
