namespace Sferum.Schools;

/// <summary>The platform's list of schools (a single activation, key 0). Only platform operators read it.</summary>
[Alias("Sferum.ISchoolDirectoryGrain")]
public interface ISchoolDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a school by a platform operator; the grain checks the requester.</summary>
    [Alias("CreateSchool")]
    Task<SchoolSummary> CreateSchoolAsync(Guid requesterUserId, SchoolDraft draft);

    /// <summary>
    /// Creates the school with this fixed id unless it exists. For trusted host code only (demo seeding):
    /// web code must use <see cref="CreateSchoolAsync"/>.
    /// </summary>
    [Alias("EnsureSeeded")]
    Task<SchoolSummary> EnsureSeededSchoolAsync(Guid schoolId, SchoolDraft draft);

    /// <summary>All schools, for a platform operator; anyone else is refused.</summary>
    [Alias("List")]
    Task<IReadOnlyList<SchoolSummary>> ListAsync(Guid requesterUserId);
}
