using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sferum.Digest;

/// <summary>
/// The cluster's scheduler (key 0): a durable reminder (in PostgreSQL) every <c>ScanMinutes</c> runs the digest of
/// each person who is due, a batch at a time and a few at once. One person's failure is logged and retried at its
/// own time; it does not stop the others.
/// </summary>
public sealed class DigestSchedulerGrain(DigestStore store, IOptions<DigestOptions> options, TimeProvider clock,
    ILogger<DigestSchedulerGrain> logger) : Grain, IDigestSchedulerGrain, IRemindable
{
    private const string Reminder = "digest";

    public async Task EnsureScheduledAsync()
    {
        var period = TimeSpan.FromMinutes(Math.Max(1, options.Value.ScanMinutes));
        await this.RegisterOrUpdateReminder(Reminder, period, period);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunAsync();

    public async Task<int> RunAsync()
    {
        if (!options.Value.Enabled)
        {
            return 0;
        }

        var due = await store.DueAsync(clock.GetUtcNow(), Math.Max(1, options.Value.BatchSize));
        var sent = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Parallel), TaskScheduler = TaskScheduler.Current },
            async (user, _) =>
            {
                try
                {
                    if ((await GrainFactory.GetGrain<IPersonDigestGrain>(user).RunIfDueAsync()).Outcome == DigestOutcome.Sent)
                    {
                        Interlocked.Increment(ref sent);
                    }
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Digest of {UserId} failed; it is tried again at the next pass", user);
                }
            });
        if (due.Count > 0)
        {
            logger.LogInformation("Digest pass: {Due} due, {Sent} sent", due.Count, sent);
        }

        return sent;
    }
}
