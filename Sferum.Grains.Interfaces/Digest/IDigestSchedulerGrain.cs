namespace Sferum.Digest;

/// <summary>
/// The cluster's digest scheduler (key 0): a durable reminder every few minutes runs the digests of the people whose
/// time has come, in batches.
/// </summary>
[Alias("Sferum.IDigestSchedulerGrain")]
public interface IDigestSchedulerGrain : IGrainWithIntegerKey
{
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>One pass over the people who are due; returns how many letters were sent.</summary>
    [Alias("Run")]
    Task<int> RunAsync();
}
