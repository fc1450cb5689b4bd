namespace Sferum.Common;

/// <summary>
/// Counts attempts of one kind by one party (the key, e.g. <c>invite-user:{id}</c>, <c>invite-address:{ip}</c>) in a
/// sliding window, for rate limits that must hold across web nodes. Kept in memory: a silo restart forgets the count,
/// which is acceptable for limits meant to make guessing slow, not impossible to retry.
/// </summary>
[Alias("Sferum.IAttemptLimitGrain")]
public interface IAttemptLimitGrain : IGrainWithStringKey
{
    /// <summary>Counts one attempt; false (and not counted) when <paramref name="limit"/> were made in the window already.</summary>
    [Alias("TryTake")]
    Task<bool> TryTakeAsync(int limit, TimeSpan window);
}
