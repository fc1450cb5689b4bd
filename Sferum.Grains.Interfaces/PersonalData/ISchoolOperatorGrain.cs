namespace Sferum.PersonalData;

/// <summary>
/// The school as operator of personal data, keyed by the school: the one place its admins set the details that
/// consents, answers to requests and acts of destruction name. Only the school's admins read or change them here.
/// </summary>
[Alias("Sferum.ISchoolOperatorGrain")]
public interface ISchoolOperatorGrain : IGrainWithGuidKey
{
    /// <summary>The details, or null while the school has not given them.</summary>
    [Alias("Get")]
    Task<OperatorDetails?> GetAsync(Guid requesterUserId);

    /// <summary>Validates and saves the details (audited); the same details again change nothing.</summary>
    [Alias("Set")]
    Task SetAsync(Guid requesterUserId, OperatorDetails details);

    /// <summary>Demo data (trusted host code): sets the details unless someone already did.</summary>
    [Alias("Seed")]
    Task SeedAsync(OperatorDetails details);
}
