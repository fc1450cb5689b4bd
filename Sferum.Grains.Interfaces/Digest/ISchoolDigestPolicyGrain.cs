namespace Sferum.Digest;

/// <summary>A school's digest policy (keyed by the school id); its admins only.</summary>
[Alias("Sferum.ISchoolDigestPolicyGrain")]
public interface ISchoolDigestPolicyGrain : IGrainWithGuidKey
{
    [Alias("Get")]
    Task<SchoolDigestPolicy> GetAsync(Guid requesterUserId);

    [Alias("Set")]
    Task<SchoolDigestPolicy> SetAsync(Guid requesterUserId, SchoolDigestPolicy policy);
}
