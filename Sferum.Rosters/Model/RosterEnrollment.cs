namespace Sferum.Rosters.Model;

/// <summary>A student is in a class (one class per student in a journal export).</summary>
public sealed record RosterEnrollment(string StudentId, string ClassName);
