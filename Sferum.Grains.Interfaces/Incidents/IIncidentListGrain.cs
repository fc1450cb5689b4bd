namespace Sferum.Incidents;

/// <summary>Lists incidents: a school's, for its admins and operators; every unresolved one, for operators. Stateless.</summary>
[Alias("Sferum.IIncidentListGrain")]
public interface IIncidentListGrain : IGrainWithIntegerKey
{
    /// <summary>The school's incidents, unresolved first, newest first.</summary>
    [Alias("ForSchool")]
    Task<IReadOnlyList<IncidentSummary>> ForSchoolAsync(Guid requesterUserId, Guid schoolId);

    /// <summary>Every school's unresolved incidents by the first deadline; platform operators only.</summary>
    [Alias("Unresolved")]
    Task<IReadOnlyList<IncidentSummary>> UnresolvedAsync(Guid requesterUserId);
}
