using Sferum.Classes;
using Sferum.Common;
using Sferum.Rosters.Model;
using Sferum.Rosters.Reading.Tables;
using Sferum.Rosters.Reading.Values;

namespace Sferum.Rosters.Reading.Journal;

/// <summary>Reads one journal table (students, parents or staff, recognised by its columns) into the builder.</summary>
public sealed class JournalTableReader(RosterBuilder builder, ProblemList problems, DateOnly today)
{
    private static readonly string[] AdministrationPositions = ["директор", "заместитель директора", "завуч", "администратор", "заместитель"];

    /// <summary>Recognises and reads the table; returns its kind for the report, or null when it is not a roster table.</summary>
    public string? Read(RawTable table)
    {
        var columns = new JournalColumns(table, problems);
        if (table.Rows.Count == 0)
        {
            problems.Error("file.empty", table.File, null, null, "В файле нет ни одной строки с данными.");
            return "пустой файл";
        }

        if (columns.Has(JournalField.Relation) || columns.Has(JournalField.ChildId) || columns.Has(JournalField.ChildName))
        {
            builder.Coverage |= RosterCoverage.Parents;
            ReadRows(table, columns, RosterRole.Parent);
            return "журнал: родители";
        }

        if (columns.Has(JournalField.Position) || columns.Has(JournalField.Homeroom) || columns.Has(JournalField.Subjects) || columns.Has(JournalField.Classes))
        {
            builder.Coverage |= RosterCoverage.Staff;
            ReadRows(table, columns, RosterRole.Staff);
            return "журнал: сотрудники";
        }

        if (columns.Has(JournalField.Class) && (columns.Has(JournalField.LastName) || columns.Has(JournalField.FullName)))
        {
            builder.Coverage |= RosterCoverage.Students;
            ReadRows(table, columns, RosterRole.Student);
            return "журнал: ученики";
        }

        return null;
    }

    private void ReadRows(RawTable table, JournalColumns columns, RosterRole role)
    {
        if (!columns.Has(JournalField.LastName) && !columns.Has(JournalField.FullName))
        {
            problems.Error("column.missing", table.File, 1, "Фамилия", "Нет столбца «Фамилия» (или «ФИО»).");
            return;
        }

        if (columns.Has(JournalField.LastName) && !columns.Has(JournalField.FirstName) && !columns.Has(JournalField.FullName))
        {
            problems.Error("column.missing", table.File, 1, "Имя", "Нет столбца «Имя».");
            return;
        }

        if (role == RosterRole.Student && !columns.Has(JournalField.Class))
        {
            problems.Error("column.missing", table.File, 1, "Класс", "Нет столбца «Класс».");
            return;
        }

        if (role == RosterRole.Parent && !columns.Has(JournalField.ChildId) && !columns.Has(JournalField.ChildName))
        {
            problems.Error("column.missing", table.File, 1, "Идентификатор ученика", "Нет столбца, связывающего родителя с ребёнком («Идентификатор ученика» или «Ученик»).");
            return;
        }

        if (!columns.Has(JournalField.Id))
        {
            problems.Warning("id.derived", table.File, 1, "Идентификатор",
                "Нет столбца «Идентификатор»: людей узнаём по СНИЛС, а без него — по ФИО; переименование в журнале будет выглядеть как новый человек.");
        }

        foreach (var row in table.Rows)
        {
            ReadRow(table.File, columns, role, row);
        }
    }

    private void ReadRow(string file, JournalColumns columns, RosterRole role, RawRow row)
    {
        var errorsBefore = problems.All.Count(p => p.Severity == ProblemSeverity.Error);
        string? last, first, middle;
        if (columns.Has(JournalField.LastName))
        {
            (last, first, middle) = (PersonValues.Name(columns.Get(row, JournalField.LastName)), PersonValues.Name(columns.Get(row, JournalField.FirstName)),
                PersonValues.Name(columns.Get(row, JournalField.MiddleName)));
            if (first is null && columns.Has(JournalField.FullName))
            {
                (last, first, middle) = PersonValues.SplitFullName(columns.Get(row, JournalField.FullName));
            }
        }
        else
        {
            (last, first, middle) = PersonValues.SplitFullName(columns.Get(row, JournalField.FullName));
        }

        Require(last, file, row, columns.Header(columns.Has(JournalField.LastName) ? JournalField.LastName : JournalField.FullName), "Не указана фамилия.");
        Require(first, file, row, columns.Header(columns.Has(JournalField.FirstName) ? JournalField.FirstName : JournalField.FullName), "Не указано имя.");

        var snils = ReadSnils(file, columns, row);
        DateOnly? birth = null;
        if (columns.Get(row, JournalField.BirthDate) is { Length: > 0 } birthText)
        {
            if (PersonValues.TryBirthDate(birthText, today, out var date))
            {
                birth = date;
            }
            else
            {
                problems.Error("date.invalid", file, row.Number, columns.Header(JournalField.BirthDate), $"Дата «{birthText}» невозможна или записана не как ДД.ММ.ГГГГ.");
            }
        }

        var email = ReadEmail(file, columns, row);
        var phone = ReadPhone(file, columns, row);
        var position = role == RosterRole.Staff ? PersonValues.Name(columns.Get(row, JournalField.Position)) : null;
        string? className = null;
        var grade = 0;
        if (role == RosterRole.Student)
        {
            var raw = columns.Get(row, JournalField.Class);
            if (string.IsNullOrWhiteSpace(raw))
            {
                problems.Error("field.empty", file, row.Number, columns.Header(JournalField.Class), "Не указан класс.");
            }
            else if (!ClassName.TryNormalize(raw, out var name, out grade))
            {
                problems.Error("class.invalid", file, row.Number, columns.Header(JournalField.Class), $"«{raw}» не похоже на название класса (например, «5А»).");
            }
            else
            {
                className = name;
            }
        }

        if (problems.All.Count(p => p.Severity == ProblemSeverity.Error) > errorsBefore)
        {
            return;
        }

        var id = columns.Get(row, JournalField.Id) is { Length: > 0 } explicitId
            ? explicitId
            : snils is not null ? $"snils:{snils}" : $"name:{last}|{first}|{middle}|{birth:yyyy-MM-dd}";
        var isAdministration = position is not null && AdministrationPositions.Any(p => position.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        builder.AddPerson(new RosterPerson(id, role, last!, first!, middle, birth, snils, email, phone, position, isAdministration), file, row.Number);

        switch (role)
        {
            case RosterRole.Student:
                builder.Enroll(id, className!, grade, file, row.Number, columns.Header(JournalField.Class));
                break;
            case RosterRole.Parent:
                ReadChild(file, columns, row, id);
                break;
            case RosterRole.Staff:
                ReadTeaching(file, columns, row, id);
                break;
        }
    }

    private void ReadChild(string file, JournalColumns columns, RawRow row, string parentId)
    {
        var childId = columns.Get(row, JournalField.ChildId);
        var childName = PersonValues.Name(columns.Get(row, JournalField.ChildName));
        string? childClass = null;
        if (columns.Get(row, JournalField.ChildClass) is { Length: > 0 } rawClass && ClassName.TryNormalize(rawClass, out var normalized, out _))
        {
            childClass = normalized;
        }

        if (string.IsNullOrEmpty(childId) && childName is null)
        {
            problems.Error("field.empty", file, row.Number, columns.Header(columns.Has(JournalField.ChildId) ? JournalField.ChildId : JournalField.ChildName), "Не указан ребёнок.");
            return;
        }

        if (string.IsNullOrWhiteSpace(columns.Get(row, JournalField.Phone)))
        {
            problems.Warning("parent.no-phone", file, row.Number, columns.Header(JournalField.Phone), "У родителя не указан телефон.");
        }

        var column = columns.Header(string.IsNullOrEmpty(childId) ? JournalField.ChildName : JournalField.ChildId);
        builder.GuardianOf(new PendingChild(parentId, string.IsNullOrEmpty(childId) ? null : childId, childName, childClass,
            PersonValues.Name(columns.Get(row, JournalField.Relation)), file, row.Number, column));
    }

    private void ReadTeaching(string file, JournalColumns columns, RawRow row, string staffId)
    {
        var subjects = Split(columns.Get(row, JournalField.Subjects)).ToList();
        var homeroom = columns.Get(row, JournalField.Homeroom);
        string? homeroomClass = null;
        if (!string.IsNullOrWhiteSpace(homeroom))
        {
            if (ClassName.TryNormalize(homeroom, out var name, out _))
            {
                homeroomClass = name;
                builder.Teach(staffId, name, true, subjects, file, row.Number, columns.Header(JournalField.Homeroom));
            }
            else
            {
                problems.Error("class.invalid", file, row.Number, columns.Header(JournalField.Homeroom), $"«{homeroom}» не похоже на название класса.");
            }
        }

        foreach (var raw in Split(columns.Get(row, JournalField.Classes)))
        {
            if (!ClassName.TryNormalize(raw, out var name, out _))
            {
                problems.Error("class.invalid", file, row.Number, columns.Header(JournalField.Classes), $"«{raw}» не похоже на название класса.");
            }
            else if (name != homeroomClass)
            {
                builder.Teach(staffId, name, false, subjects, file, row.Number, columns.Header(JournalField.Classes));
            }
        }
    }

    private string? ReadSnils(string file, JournalColumns columns, RawRow row)
    {
        var raw = columns.Get(row, JournalField.Snils);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (Snils.TryNormalize(raw, out var snils))
        {
            return snils;
        }

        problems.Error("snils.invalid", file, row.Number, columns.Header(JournalField.Snils), $"СНИЛС «{raw}» не проходит проверку контрольного числа.");
        return null;
    }

    private string? ReadEmail(string file, JournalColumns columns, RawRow row)
    {
        var raw = columns.Get(row, JournalField.Email);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (PersonValues.TryEmail(raw, out var email))
        {
            return email;
        }

        problems.Warning("email.invalid", file, row.Number, columns.Header(JournalField.Email), $"«{raw}» не похоже на адрес электронной почты; он не будет сохранён.");
        return null;
    }

    private string? ReadPhone(string file, JournalColumns columns, RawRow row)
    {
        var raw = columns.Get(row, JournalField.Phone);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (PhoneNumber.TryNormalize(raw, out var phone))
        {
            return phone;
        }

        problems.Warning("phone.invalid", file, row.Number, columns.Header(JournalField.Phone), $"«{raw}» не похоже на российский номер телефона; сохранён как есть.");
        return raw.Trim();
    }

    private void Require(string? value, string file, RawRow row, string column, string message)
    {
        if (value is null)
        {
            problems.Error("field.empty", file, row.Number, column, message);
        }
    }

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0);
}
