namespace Sferum.Rosters.Model;

/// <summary>
/// Which parts of the school an upload speaks for. An admin may upload only the parents' file; then students and staff
/// are left as they are instead of being read as "everyone left".
/// </summary>
[Flags]
public enum RosterCoverage
{
    None = 0,
    Students = 1,
    Parents = 2,
    Staff = 4,
    All = Students | Parents | Staff,
}
