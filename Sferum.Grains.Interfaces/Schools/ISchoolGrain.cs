namespace Sferum.Schools;

/// <summary>One school, keyed by its id.</summary>
[Alias("Sferum.ISchoolGrain")]
public interface ISchoolGrain : IGrainWithGuidKey
{
    /// <summary>Creates the school; calling it again with the same draft changes nothing.</summary>
    [Alias("Create")]
    Task<SchoolSummary> CreateAsync(SchoolDraft draft);

    /// <summary>The school, or null when it was never created.</summary>
    [Alias("Get")]
    Task<SchoolSummary?> GetAsync();
}
