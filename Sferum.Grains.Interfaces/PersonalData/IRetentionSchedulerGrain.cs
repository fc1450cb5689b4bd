namespace Sferum.PersonalData;

/// <summary>
/// The nightly retention job (one, key 0): a reminder applies every school's policy, purges the audit log past its
/// period, deletes expired exports and stored files nothing refers to any more. Idempotent: a second run removes nothing.
/// </summary>
[Alias("Sferum.IRetentionSchedulerGrain")]
public interface IRetentionSchedulerGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the nightly reminder (every silo calls it at start; registering twice changes nothing).</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>One night's run, as the reminder does it; returns the platform's part and each school's.</summary>
    [Alias("RunNightly")]
    Task<IReadOnlyList<RetentionReport>> RunNightlyAsync();
}
