using Sferum.Rosters.Model;

namespace Sferum.Rosters.Changes;

/// <summary>
/// Compares the current roster (from the database) with an upload. Only what the upload covers can be removed, and a
/// value the upload does not carry (null: the format has no such column) is never a change.
/// </summary>
public static class RosterDiff
{
    public static RosterChangeSet Compare(RosterSnapshot current, RosterSnapshot incoming)
    {
        var coverage = incoming.Coverage;
        var students = coverage.HasFlag(RosterCoverage.Students);
        var parents = coverage.HasFlag(RosterCoverage.Parents);
        var staff = coverage.HasFlag(RosterCoverage.Staff);

        var classes = Diff(current.Classes, incoming.Classes, c => c.Name, (a, b) => a.Grade != b.Grade,
            removable: _ => students && staff);
        var people = Diff(current.People, incoming.People, p => p.JournalId, PersonChanged,
            removable: p => p.Role switch { RosterRole.Student => students, RosterRole.Parent => parents, _ => staff });
        var enrollments = Diff(current.Enrollments, incoming.Enrollments, e => e.StudentId, (a, b) => a.ClassName != b.ClassName,
            removable: _ => students);
        var guardianships = Diff(current.Guardianships, incoming.Guardianships, g => $"{g.ParentId}\u001f{g.StudentId}",
            (a, b) => b.Relation is not null && a.Relation != b.Relation, removable: _ => parents);
        var teaching = Diff(current.Teaching, incoming.Teaching, t => $"{t.StaffId}\u001f{t.ClassName}",
            (a, b) => a.IsHomeroom != b.IsHomeroom || (b.Subjects.Count > 0 && !a.Subjects.Order().SequenceEqual(b.Subjects.Order())),
            removable: _ => staff);

        // A move is a changed enrollment; it is written as the old row removed and the new one added.
        var moves = new List<StudentMove>();
        var enrollmentChanges = new List<Change<RosterEnrollment>>();
        foreach (var change in enrollments)
        {
            if (change.Kind == ChangeKind.Changed)
            {
                moves.Add(new StudentMove(change.After!.StudentId, change.Before!.ClassName, change.After.ClassName));
                enrollmentChanges.Add(new Change<RosterEnrollment>(ChangeKind.Removed, change.Before, null));
                enrollmentChanges.Add(new Change<RosterEnrollment>(ChangeKind.Added, null, change.After));
            }
            else
            {
                enrollmentChanges.Add(change);
            }
        }

        return new RosterChangeSet(classes, people, enrollmentChanges, guardianships, teaching, moves);
    }

    private static bool PersonChanged(RosterPerson a, RosterPerson b) =>
        a.Role != b.Role || a.LastName != b.LastName || a.FirstName != b.FirstName || a.IsSchoolAdministrator != b.IsSchoolAdministrator
        || Known(a.MiddleName, b.MiddleName) || Known(a.BirthDate, b.BirthDate) || Known(a.Snils, b.Snils)
        || Known(a.Email, b.Email) || Known(a.Phone, b.Phone) || Known(a.Position, b.Position);

    // Changed only when the upload knows a value and it differs.
    private static bool Known<T>(T? current, T? incoming) => incoming is not null && !Equals(current, incoming);

    private static List<Change<T>> Diff<T>(IReadOnlyList<T> current, IReadOnlyList<T> incoming, Func<T, string> key,
        Func<T, T, bool> changed, Func<T, bool> removable) where T : class
    {
        var before = new Dictionary<string, T>(current.Count, StringComparer.Ordinal);
        foreach (var item in current)
        {
            before[key(item)] = item;
        }

        var changes = new List<Change<T>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in incoming)
        {
            var k = key(item);
            seen.Add(k);
            if (!before.TryGetValue(k, out var old))
            {
                changes.Add(new Change<T>(ChangeKind.Added, null, item));
            }
            else if (changed(old, item))
            {
                changes.Add(new Change<T>(ChangeKind.Changed, old, item));
            }
        }

        foreach (var item in current)
        {
            if (!seen.Contains(key(item)) && removable(item))
            {
                changes.Add(new Change<T>(ChangeKind.Removed, item, null));
            }
        }

        return changes;
    }
}
