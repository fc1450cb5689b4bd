using Sferum.Rosters.Changes;
using Sferum.Rosters.Model;

namespace Sferum.Rosters;

/// <summary>Turns a change set into the lines of the preview, in Russian, naming people as the admin knows them.</summary>
public static class ImportChangeRows
{
    public static List<ImportChangeRow> Build(RosterChangeSet changes, RosterSnapshot current, RosterSnapshot incoming)
    {
        var people = new Dictionary<string, RosterPerson>(StringComparer.Ordinal);
        foreach (var p in current.People.Concat(incoming.People))
        {
            people[p.JournalId] = p;
        }

        string Name(string journalId) => people.TryGetValue(journalId, out var p) ? $"{FullName(p)} ({journalId})" : journalId;

        var rows = new List<ImportChangeRow>();
        foreach (var c in changes.Classes)
        {
            var cls = c.After ?? c.Before!;
            rows.Add(new(ImportSection.Classes, KindText(c.Kind, "Добавлен", "Изменён", "Удалён"), cls.Name, $"параллель {cls.Grade}"));
        }

        foreach (var c in changes.People)
        {
            var p = c.After ?? c.Before!;
            var detail = RoleText(p);
            if (c.Kind == ChangeKind.Changed)
            {
                detail += ": " + string.Join(", ", ChangedFields(c.Before!, c.After!));
            }

            rows.Add(new(ImportSection.People, KindText(c.Kind, "Добавлен", "Изменён", "Выбыл"), $"{FullName(p)} ({p.JournalId})", detail));
        }

        var moved = changes.Moves.ToDictionary(m => m.StudentId, StringComparer.Ordinal);
        foreach (var m in changes.Moves)
        {
            rows.Add(new(ImportSection.Enrollments, "Переведён", Name(m.StudentId), $"{m.FromClass} → {m.ToClass}"));
        }

        foreach (var c in changes.Enrollments.Where(c => !moved.ContainsKey((c.After ?? c.Before!).StudentId)))
        {
            var e = c.After ?? c.Before!;
            rows.Add(new(ImportSection.Enrollments, KindText(c.Kind, "Зачислен", "Переведён", "Отчислен"), Name(e.StudentId),
                c.Kind == ChangeKind.Removed ? $"из {e.ClassName}" : $"в {e.ClassName}"));
        }

        foreach (var c in changes.Guardianships)
        {
            var g = c.After ?? c.Before!;
            var relation = string.IsNullOrEmpty(g.Relation) ? "Родитель" : g.Relation;
            rows.Add(new(ImportSection.Guardianships, KindText(c.Kind, "Связь добавлена", "Связь изменена", "Связь удалена"),
                Name(g.ParentId), $"{relation} → {Name(g.StudentId)}"));
        }

        foreach (var c in changes.Teaching)
        {
            var t = c.After ?? c.Before!;
            var what = t.IsHomeroom ? "классный руководитель" : "учитель";
            var subjects = t.Subjects.Count > 0 ? "; " + string.Join(", ", t.Subjects) : "";
            rows.Add(new(ImportSection.Teaching, KindText(c.Kind, "Назначен", "Изменён", "Снят"), Name(t.StaffId), $"{t.ClassName}: {what}{subjects}"));
        }

        return rows;
    }

    private static string FullName(RosterPerson p) =>
        string.Join(' ', new[] { p.LastName, p.FirstName, p.MiddleName }.Where(x => !string.IsNullOrEmpty(x)));

    private static string RoleText(RosterPerson p) => p.Role switch
    {
        RosterRole.Student => "ученик",
        RosterRole.Parent => "родитель",
        _ => string.IsNullOrEmpty(p.Position) ? "сотрудник" : p.Position.ToLowerInvariant(),
    };

    private static string KindText(ChangeKind kind, string added, string changed, string removed) => kind switch
    {
        ChangeKind.Added => added,
        ChangeKind.Changed => changed,
        _ => removed,
    };

    private static IEnumerable<string> ChangedFields(RosterPerson before, RosterPerson after)
    {
        if (before.LastName != after.LastName || before.FirstName != after.FirstName || (after.MiddleName is not null && before.MiddleName != after.MiddleName))
        {
            yield return "ФИО";
        }

        if (after.BirthDate is not null && before.BirthDate != after.BirthDate)
        {
            yield return "дата рождения";
        }

        if (after.Snils is not null && before.Snils != after.Snils)
        {
            yield return "СНИЛС";
        }

        if (after.Email is not null && before.Email != after.Email)
        {
            yield return "e-mail";
        }

        if (after.Phone is not null && before.Phone != after.Phone)
        {
            yield return "телефон";
        }

        if (before.Role != after.Role)
        {
            yield return "роль";
        }

        if ((after.Position is not null && before.Position != after.Position) || before.IsSchoolAdministrator != after.IsSchoolAdministrator)
        {
            yield return "должность";
        }
    }
}
