using Sferum.Classes;
using Sferum.Rosters.Model;

namespace Sferum.Rosters.Reading;

/// <summary>
/// Gathers people and links from all files of one upload, noticing the same person described differently in two
/// places, then resolves parent → child references and checks classes across files.
/// </summary>
public sealed class RosterBuilder(ProblemList problems)
{
    private readonly Dictionary<string, (RosterPerson Person, string Where)> people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Class, string Where)> enrollments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Parent, string Student), RosterGuardianship> guardianships = [];
    private readonly Dictionary<(string Staff, string Class), RosterTeaching> teaching = [];
    private readonly Dictionary<string, RosterClass> classes = new(StringComparer.Ordinal);
    private readonly List<PendingChild> pendingChildren = [];
    private readonly List<(string Staff, string Class, string File, int Row, string Column)> staffClassReferences = [];

    public RosterCoverage Coverage { get; set; }

    public string? SchoolName { get; set; }

    public string? AcademicYear { get; set; }

    public bool HasPerson(string journalId) => people.ContainsKey(journalId);

    /// <summary>Adds a person; the same id again must describe the same person (fields it leaves empty are filled in).</summary>
    public void AddPerson(RosterPerson person, string file, int row)
    {
        var where = $"{file}, строка {row}";
        if (!people.TryGetValue(person.JournalId, out var existing))
        {
            people[person.JournalId] = (person, where);
            return;
        }

        var a = existing.Person;
        var conflict = a.Role != person.Role || a.LastName != person.LastName || a.FirstName != person.FirstName
            || Differs(a.MiddleName, person.MiddleName) || Differs(a.Snils, person.Snils) || (a.BirthDate is not null && person.BirthDate is not null && a.BirthDate != person.BirthDate);
        if (conflict)
        {
            problems.Error("person.conflict", file, row, null,
                $"Идентификатор «{person.JournalId}» уже встречался ({existing.Where}) с другими данными: {Describe(a)} и {Describe(person)}.");
            return;
        }

        people[person.JournalId] = (a with
        {
            MiddleName = a.MiddleName ?? person.MiddleName,
            Snils = a.Snils ?? person.Snils,
            BirthDate = a.BirthDate ?? person.BirthDate,
            Email = a.Email ?? person.Email,
            Phone = a.Phone ?? person.Phone,
            Position = a.Position ?? person.Position,
            IsSchoolAdministrator = a.IsSchoolAdministrator || person.IsSchoolAdministrator,
        }, existing.Where);
    }

    public void AddClass(string name, int grade) => classes.TryAdd(name, new RosterClass(name, grade));

    public void Enroll(string studentId, string className, int grade, string file, int row, string column)
    {
        if (enrollments.TryGetValue(studentId, out var existing) && existing.Class != className)
        {
            problems.Error("student.two-classes", file, row, column,
                $"Ученик «{studentId}» указан в двух классах: {existing.Class} ({existing.Where}) и {className}.");
            return;
        }

        enrollments[studentId] = (className, $"{file}, строка {row}");
        AddClass(className, grade);
    }

    public void Guardian(string parentId, string studentId, string? relation) =>
        guardianships.TryAdd((parentId, studentId), new RosterGuardianship(parentId, studentId, relation));

    /// <summary>A parent row naming its child by id or by name (and class), resolved when all files are read.</summary>
    public void GuardianOf(PendingChild child) => pendingChildren.Add(child);

    public void Teach(string staffId, string className, bool homeroom, IReadOnlyList<string> subjects, string file, int row, string column)
    {
        var key = (staffId, className);
        if (teaching.TryGetValue(key, out var existing))
        {
            teaching[key] = existing with { IsHomeroom = existing.IsHomeroom || homeroom, Subjects = existing.Subjects.Union(subjects).ToList() };
        }
        else
        {
            teaching[key] = new RosterTeaching(staffId, className, homeroom, subjects);
        }

        staffClassReferences.Add((staffId, className, file, row, column));
    }

    public RosterSnapshot Build()
    {
        ResolveChildren();
        CheckStaffClasses();
        CheckHomerooms();
        CheckSnilsDuplicates();
        foreach (var t in teaching.Values)
        {
            if (ClassName.TryNormalize(t.ClassName, out var name, out var grade))
            {
                AddClass(name, grade);
            }
        }

        return new RosterSnapshot(
            Coverage,
            SchoolName,
            AcademicYear,
            classes.Values.OrderBy(c => c.Grade).ThenBy(c => c.Name, StringComparer.Ordinal).ToList(),
            people.Values.Select(p => p.Person).OrderBy(p => p.JournalId, StringComparer.Ordinal).ToList(),
            enrollments.Select(e => new RosterEnrollment(e.Key, e.Value.Class)).OrderBy(e => e.StudentId, StringComparer.Ordinal).ToList(),
            guardianships.Values.OrderBy(g => g.ParentId, StringComparer.Ordinal).ThenBy(g => g.StudentId, StringComparer.Ordinal).ToList(),
            teaching.Values.Select(t => t with { Subjects = t.Subjects.Order(StringComparer.Ordinal).ToList() })
                .OrderBy(t => t.StaffId, StringComparer.Ordinal).ThenBy(t => t.ClassName, StringComparer.Ordinal).ToList());
    }

    private void ResolveChildren()
    {
        var studentsByName = people.Values.Select(p => p.Person).Where(p => p.Role == RosterRole.Student)
            .GroupBy(p => FullName(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var studentsCovered = Coverage.HasFlag(RosterCoverage.Students);
        foreach (var child in pendingChildren)
        {
            if (child.StudentId is { Length: > 0 } id)
            {
                if (people.TryGetValue(id, out var known) && known.Person.Role == RosterRole.Student)
                {
                    Guardian(child.ParentId, id, child.Relation);
                }
                else if (studentsCovered)
                {
                    problems.Error("parent.unknown-student", child.File, child.Row, child.Column, $"Ученика с идентификатором «{id}» нет в списке учеников.");
                }
                else
                {
                    // No students file in this upload: the school's current roster is checked when previewing.
                    Guardian(child.ParentId, id, child.Relation);
                }

                continue;
            }

            var candidates = studentsByName.GetValueOrDefault(child.StudentName ?? "") ?? [];
            if (child.StudentClass is not null)
            {
                candidates = candidates.Where(s => enrollments.TryGetValue(s.JournalId, out var e) && e.Class == child.StudentClass).ToList();
            }

            if (candidates.Count == 1)
            {
                Guardian(child.ParentId, candidates[0].JournalId, child.Relation);
            }
            else
            {
                problems.Error("parent.unknown-student", child.File, child.Row, child.Column, candidates.Count == 0
                    ? $"Ученик «{child.StudentName}»{(child.StudentClass is null ? "" : $" ({child.StudentClass})")} не найден в списке учеников."
                    : $"Учеников «{child.StudentName}» несколько: укажите класс или идентификатор ученика.");
            }
        }
    }

    private void CheckStaffClasses()
    {
        if (!Coverage.HasFlag(RosterCoverage.Students))
        {
            return;
        }

        var studentClasses = enrollments.Values.Select(e => e.Class).ToHashSet(StringComparer.Ordinal);
        foreach (var r in staffClassReferences.Where(r => !studentClasses.Contains(r.Class)).DistinctBy(r => (r.Class, r.File, r.Row)))
        {
            problems.Error("staff.unknown-class", r.File, r.Row, r.Column, $"Класса «{r.Class}» нет в списке учеников: проверьте название класса.");
        }
    }

    private void CheckHomerooms()
    {
        foreach (var g in teaching.Values.Where(t => t.IsHomeroom).GroupBy(t => t.ClassName).Where(g => g.Count() > 1))
        {
            var r = staffClassReferences.Last(x => x.Class == g.Key);
            // Unusual but real (two teachers share the class, or a substitute): shown, not blocking.
            problems.Warning("homeroom.duplicate", r.File, r.Row, r.Column,
                $"У класса {g.Key} несколько классных руководителей: {string.Join(", ", g.Select(t => t.StaffId))}.");
        }
    }

    private void CheckSnilsDuplicates()
    {
        // One person may be both a teacher and a parent (two entries, one SNILS); within one role a SNILS is one person.
        foreach (var g in people.Values.Where(p => p.Person.Snils is not null).GroupBy(p => (p.Person.Snils, p.Person.Role)).Where(g => g.Count() > 1))
        {
            var entries = g.ToList();
            var (file, row) = SplitWhere(entries[1].Where);
            problems.Error("snils.duplicate", file, row, "СНИЛС",
                $"СНИЛС {g.Key.Snils} указан у разных людей: «{entries[0].Person.JournalId}» ({entries[0].Where}) и «{entries[1].Person.JournalId}».");
        }
    }

    private static (string File, int? Row) SplitWhere(string where)
    {
        var i = where.LastIndexOf(", строка ", StringComparison.Ordinal);
        return i < 0 ? (where, null) : (where[..i], int.TryParse(where[(i + 9)..], out var row) ? row : null);
    }

    private static bool Differs(string? a, string? b) => a is not null && b is not null && a != b;

    private static string FullName(RosterPerson p) => string.Join(' ', new[] { p.LastName, p.FirstName, p.MiddleName }.Where(x => !string.IsNullOrEmpty(x)));

    private static string Describe(RosterPerson p) =>
        $"«{FullName(p)}{(p.BirthDate is { } d ? $", {d:dd.MM.yyyy}" : "")}{(p.Snils is null ? "" : $", СНИЛС {p.Snils}")}»";
}

/// <summary>A parent row's reference to a child, kept until every file has been read.</summary>
public sealed record PendingChild(string ParentId, string? StudentId, string? StudentName, string? StudentClass, string? Relation, string File, int Row, string Column);
