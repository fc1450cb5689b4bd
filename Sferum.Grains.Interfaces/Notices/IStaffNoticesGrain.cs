namespace Sferum.Notices;

/// <summary>A person's in-app notices, keyed by their user id; only they read and dismiss them.</summary>
[Alias("Sferum.IStaffNoticesGrain")]
public interface IStaffNoticesGrain : IGrainWithGuidKey
{
    /// <summary>The notices not dismissed yet, newest first (at most 20).</summary>
    [Alias("List")]
    Task<IReadOnlyList<StaffNotice>> ListAsync(Guid requesterUserId);

    [Alias("Dismiss")]
    Task DismissAsync(Guid requesterUserId, Guid noticeId);
}
