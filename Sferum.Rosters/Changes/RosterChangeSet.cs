using Sferum.Rosters.Model;

namespace Sferum.Rosters.Changes;

/// <summary>
/// What applying an incoming snapshot would change, item by item, so that the preview can count and list it and the
/// apply step can write exactly this. Removals only happen inside the incoming snapshot's coverage. A student who
/// moved classes appears as one enrollment Removed (old class) and one Added (new class) and in <see cref="Moves"/>.
/// </summary>
public sealed record RosterChangeSet(
    IReadOnlyList<Change<RosterClass>> Classes,
    IReadOnlyList<Change<RosterPerson>> People,
    IReadOnlyList<Change<RosterEnrollment>> Enrollments,
    IReadOnlyList<Change<RosterGuardianship>> Guardianships,
    IReadOnlyList<Change<RosterTeaching>> Teaching,
    IReadOnlyList<StudentMove> Moves)
{
    public bool IsEmpty => Classes.Count == 0 && People.Count == 0 && Enrollments.Count == 0
        && Guardianships.Count == 0 && Teaching.Count == 0;
}

/// <summary>One item: for Changed, <see cref="Before"/> is the current value and <see cref="After"/> the incoming one;
/// for Added only After, for Removed only Before.</summary>
public sealed record Change<T>(ChangeKind Kind, T? Before, T? After) where T : class;

public sealed record StudentMove(string StudentId, string FromClass, string ToClass);
