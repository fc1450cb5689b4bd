namespace Sferum.PersonalData;

/// <summary>A school's retention policy and its application (keyed by the school's id). Only the school's admins set or run it.</summary>
[Alias("Sferum.ISchoolRetentionGrain")]
public interface ISchoolRetentionGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<RetentionPolicy> GetAsync(Guid requesterUserId);

    [Alias("Set")]
    Task SetAsync(Guid requesterUserId, RetentionPolicy policy);

    /// <summary>Applies the policy now (the admin's button); the nightly job does the same without a requester.</summary>
    [Alias("RunNow")]
    Task<RetentionReport> RunNowAsync(Guid requesterUserId);

    [Alias("Reports")]
    Task<IReadOnlyList<RetentionReport>> ReportsAsync(Guid requesterUserId);
}
