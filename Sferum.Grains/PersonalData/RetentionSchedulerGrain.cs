using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Sferum.PersonalData;

/// <summary>
/// The nightly retention job: one grain, one durable reminder at <see cref="RetentionOptions.RunAt"/> Moscow time
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
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

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

    /// <summary>The time until the next <paramref name="runAt"/> (HH:mm, Moscow) after <paramref name="now"/>.</summary>
    public static TimeSpan UntilNextRun(DateTimeOffset now, string runAt)
    {
        var time = TimeOnly.ParseExact(runAt, "HH:mm", CultureInfo.InvariantCulture);
        var local = TimeZoneInfo.ConvertTime(now, Moscow);
        var next = new DateTimeOffset(DateOnly.FromDateTime(local.DateTime).ToDateTime(time), local.Offset);
        if (next <= local)
        {
            next = next.AddDays(1);
        }

        return next - local;
    }
}
