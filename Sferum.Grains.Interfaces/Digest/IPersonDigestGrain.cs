namespace Sferum.Digest;

/// <summary>
/// One person's e-mail digest (keyed by the user id): their settings, and the composing and sending of each letter —
/// unread messages per chat since the last digest, who wrote, the text only where the chat's school allows it. The
/// scheduler's reminder calls <see cref="RunIfDueAsync"/>; a letter is never sent during the school's quiet hours, and
/// the same messages are never put into two letters.
/// </summary>
[Alias("Sferum.IPersonDigestGrain")]
public interface IPersonDigestGrain : IGrainWithGuidKey
{
    /// <summary>The person's own settings; only the person may read them.</summary>
    [Alias("GetSettings")]
    Task<DigestSettings> GetSettingsAsync(Guid requesterUserId);

    /// <summary>Turns the digest on or off and sets how often; only the person, and only with a verified address to turn it on.</summary>
    [Alias("SetSettings")]
    Task<DigestSettings> SetSettingsAsync(Guid requesterUserId, DigestChoice choice);

    /// <summary>Sends the digest when it is due (a waiting retry included); called by the scheduler.</summary>
    [Alias("RunIfDue")]
    Task<DigestRun> RunIfDueAsync();

    /// <summary>As <see cref="RunIfDueAsync"/> but due now; for operations and tests. Quiet hours and what was sent still hold.</summary>
    [Alias("RunNow")]
    Task<DigestRun> RunNowAsync();
}
