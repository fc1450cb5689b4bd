namespace Sferum.Rosters.Model;

/// <summary>
/// A school's roster as one export (or the database) describes it. Collections hold no duplicates: one person per
/// journal id, one class per normalised name, one row per (parent, student), (staff, class), (student).
/// </summary>
/// <param name="SchoolName">As the export names the school, when it does (OneRoster orgs.csv); informational.</param>
/// <param name="AcademicYear">"2026/2027" when the export says (OneRoster academicSessions.csv); else null.</param>
public sealed record RosterSnapshot(
    RosterCoverage Coverage,
    string? SchoolName,
    string? AcademicYear,
    IReadOnlyList<RosterClass> Classes,
    IReadOnlyList<RosterPerson> People,
    IReadOnlyList<RosterEnrollment> Enrollments,
    IReadOnlyList<RosterGuardianship> Guardianships,
    IReadOnlyList<RosterTeaching> Teaching)
{
    public static RosterSnapshot Empty { get; } = new(RosterCoverage.None, null, null, [], [], [], [], []);
}
