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

/// <summary>The one-click unsubscribe from a letter's link: no sign-in, the token is the proof (stateless).</summary>
[Alias("Sferum.IDigestUnsubscribeGrain")]
public interface IDigestUnsubscribeGrain : IGrainWithIntegerKey
{
    /// <summary>True when the token belongs to someone (for the confirmation page); changes nothing.</summary>
    [Alias("IsValid")]
    Task<bool> IsValidAsync(string token);

    /// <summary>Turns that person's digest off; false for a token that belongs to nobody.</summary>
    [Alias("Unsubscribe")]
    Task<bool> UnsubscribeAsync(string token);
}

/// <summary>A school's digest policy (keyed by the school id); its admins only.</summary>
[Alias("Sferum.ISchoolDigestPolicyGrain")]
public interface ISchoolDigestPolicyGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<SchoolDigestPolicy> GetAsync(Guid requesterUserId);

    [Alias("Set")]
    Task<SchoolDigestPolicy> SetAsync(Guid requesterUserId, SchoolDigestPolicy policy);
}

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
