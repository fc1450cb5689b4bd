using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Sferum.Digest;

/// <summary>
/// The letter's one-click unsubscribe: the random token (256 bits, one per person, in every letter) is the only proof,
/// so it works without sign-in; an unknown token changes nothing.
/// </summary>
[StatelessWorker]
public sealed class DigestUnsubscribeGrain(DigestStore store, ILogger<DigestUnsubscribeGrain> logger) : Grain, IDigestUnsubscribeGrain
{
    public async Task<bool> IsValidAsync(string token) => await UserAsync(token) is not null;

    public async Task<bool> UnsubscribeAsync(string token)
    {
        if (await UserAsync(token) is not { } user)
        {
            logger.LogWarning("Digest unsubscribe with an unknown token refused");
            return false;
        }

        var current = await store.GetSettingsAsync(user);
        await store.SaveSettingsAsync(user, false, current?.EveryHours ?? 0, current?.SendHour ?? SchoolDigestPolicy.Default.ParentsHour);
        await store.SetNextDueAsync(user, null);
        logger.LogInformation("Digest of {UserId} turned off from a letter", user);
        return true;
    }

    private async Task<Guid?> UserAsync(string token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : await store.UserByTokenAsync(token);
}
