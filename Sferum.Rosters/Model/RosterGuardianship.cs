namespace Sferum.Rosters.Model;

/// <summary>A parent or guardian of a student; <see cref="Relation"/> as the journal writes it ("Мать", "Опекун").</summary>
public sealed record RosterGuardianship(string ParentId, string StudentId, string? Relation);
