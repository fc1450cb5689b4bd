namespace Sferum.Rosters.Model;

/// <summary>A staff member teaches in a class (subjects may be empty), and may be its homeroom teacher.</summary>
public sealed record RosterTeaching(string StaffId, string ClassName, bool IsHomeroom, IReadOnlyList<string> Subjects);
