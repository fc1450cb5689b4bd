using Sferum.Rosters.Model;

namespace Sferum.Rosters;

/// <summary>
/// Checks what a partial upload refers to but does not contain (a parents' file naming students, a staff file naming
/// classes) against the school's current roster. The reader checks everything inside the files themselves.
/// </summary>
public static class RosterReferenceCheck
{
    public static List<ImportProblem> Find(RosterSnapshot current, RosterSnapshot incoming, string files)
    {
        var problems = new List<ImportProblem>();
        if (!incoming.Coverage.HasFlag(RosterCoverage.Students))
        {
            var students = current.People.Where(p => p.Role == RosterRole.Student).Select(p => p.JournalId).ToHashSet(StringComparer.Ordinal);
            foreach (var g in incoming.Guardianships.Where(g => !students.Contains(g.StudentId)).DistinctBy(g => g.StudentId))
            {
                problems.Add(new ImportProblem(ProblemSeverity.Error, "parent.unknown-student", files, null, null,
                    $"Ученик с идентификатором «{g.StudentId}» не найден ни в загруженных файлах, ни в текущем списке школы."));
            }

            var classes = current.Classes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var t in incoming.Teaching.Where(t => !classes.Contains(t.ClassName)).DistinctBy(t => t.ClassName))
            {
                problems.Add(new ImportProblem(ProblemSeverity.Error, "staff.unknown-class", files, null, null,
                    $"Класса «{t.ClassName}» нет ни в загруженных файлах, ни в текущем списке школы."));
            }
        }

        return problems;
    }
}
