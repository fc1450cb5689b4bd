using System.IO.Compression;
using System.Text.RegularExpressions;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Rosters.Model;
using Sferum.Rosters.Reading.Tables;
using Sferum.Rosters.Reading.Values;

namespace Sferum.Rosters.Reading.OneRoster;

/// <summary>
/// An IMS OneRoster 1.1 CSV bundle: orgs, academicSessions, classes, users, enrollments. Parents and guardians are
/// linked to children through agentSourcedIds (on either side). The journal id is the user's identifier, else its
/// sourcedId, so the same school exported as journal CSV and as OneRoster yields the same people.
/// </summary>
public static partial class OneRosterReader
{
    public static bool IsBundle(ZipArchive zip) => IsBundle(zip.Entries.Select(e => e.FullName));

    /// <summary>A OneRoster bundle has a manifest and a users file; uploaded unzipped, its files come one by one.</summary>
    public static bool IsBundle(IEnumerable<string> fileNames)
    {
        var names = fileNames.Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.Contains("manifest.csv") && names.Contains("users.csv");
    }

    /// <summary>The files OneRoster 1.1 defines; other files of an upload are read as journal exports.</summary>
    public static bool IsBundleFile(string fileName) => BundleFiles.Contains(Path.GetFileName(fileName));

    private static readonly HashSet<string> BundleFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv", "enrollments.csv",
        "demographics.csv", "categories.csv", "classResources.csv", "courseResources.csv", "lineItems.csv", "resources.csv", "results.csv",
    };

    public static void Read(string file, IReadOnlyDictionary<string, byte[]> entries, RosterBuilder builder, ProblemList problems, List<RecognisedFile> recognised)
    {
        RawTable? Table(string name)
        {
            if (!entries.TryGetValue(name, out var bytes))
            {
                return null;
            }

            var table = CsvTableReader.Read(file.Length == 0 ? name : $"{file}/{name}", bytes, problems);
            if (table is not null)
            {
                recognised.Add(new RecognisedFile(table.File, $"OneRoster: {name}", table.Encoding, table.Rows.Count));
            }

            return table;
        }

        builder.Coverage = RosterCoverage.All;
        var orgs = Table("orgs.csv");
        builder.SchoolName = orgs?.Rows.Select(r => Column(orgs, r, "name")).FirstOrDefault(n => n.Length > 0);
        var sessions = Table("academicSessions.csv");
        builder.AcademicYear = sessions?.Rows.Where(r => Column(sessions, r, "type") == "schoolYear").Select(r => Column(sessions, r, "title")).FirstOrDefault(t => t.Length > 0);

        var classes = new Dictionary<string, (string Name, int Grade)>(StringComparer.Ordinal);
        if (Table("classes.csv") is { } classTable)
        {
            foreach (var row in classTable.Rows)
            {
                var title = Column(classTable, row, "title") is { Length: > 0 } t ? t : Column(classTable, row, "classCode");
                if (ClassName.TryNormalize(title, out var name, out var grade))
                {
                    classes[Column(classTable, row, "sourcedId")] = (name, grade);
                    builder.AddClass(name, grade);
                }
                else
                {
                    problems.Error("class.invalid", classTable.File, row.Number, "title", $"«{title}» не похоже на название класса.");
                }
            }
        }

        var users = Table("users.csv");
        if (users is null)
        {
            return;
        }

        var ids = new Dictionary<string, (string JournalId, RosterRole Role)>(StringComparer.Ordinal);
        var agents = new List<(string From, string To, string Relation)>();
        foreach (var row in users.Rows)
        {
            if (Column(users, row, "status") == "tobedeleted")
            {
                continue;
            }

            var sourcedId = Column(users, row, "sourcedId");
            var role = Column(users, row, "role");
            RosterRole? rosterRole = role switch
            {
                "student" => RosterRole.Student,
                "parent" or "guardian" or "relative" => RosterRole.Parent,
                "teacher" or "administrator" or "aide" or "proctor" => RosterRole.Staff,
                _ => null,
            };
            if (rosterRole is null)
            {
                continue;
            }

            var last = PersonValues.Name(Column(users, row, "familyName"));
            var first = PersonValues.Name(Column(users, row, "givenName"));
            if (last is null || first is null)
            {
                problems.Error("field.empty", users.File, row.Number, last is null ? "familyName" : "givenName", "Не указаны фамилия или имя.");
                continue;
            }

            string? snils = null;
            if (SnilsInUserIds().Match(Column(users, row, "userIds")) is { Success: true } m)
            {
                if (Snils.TryNormalize(m.Groups[1].Value, out var normalized))
                {
                    snils = normalized;
                }
                else
                {
                    problems.Error("snils.invalid", users.File, row.Number, "userIds", $"СНИЛС «{m.Groups[1].Value}» не проходит проверку контрольного числа.");
                    continue;
                }
            }

            var journalId = Column(users, row, "identifier") is { Length: > 0 } identifier ? identifier : sourcedId;
            ids[sourcedId] = (journalId, rosterRole.Value);
            var email = PersonValues.TryEmail(Column(users, row, "email"), out var e) ? e : null;
            var phoneText = Column(users, row, "phone") is { Length: > 0 } p ? p : Column(users, row, "sms");
            var phone = PhoneNumber.TryNormalize(phoneText, out var ph) ? ph : null;
            // OneRoster carries no position or birth date: left unknown (null), never "changed".
            builder.AddPerson(new RosterPerson(journalId, rosterRole.Value, last, first, PersonValues.Name(Column(users, row, "middleName")),
                null, snils, email, phone, null, role == "administrator"), users.File, row.Number);
            foreach (var agent in Column(users, row, "agentSourcedIds").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                agents.Add((sourcedId, agent, role));
            }
        }

        foreach (var (from, to, role) in agents)
        {
            if (!ids.TryGetValue(from, out var a) || !ids.TryGetValue(to, out var b))
            {
                problems.Error("parent.unknown-student", users.File, null, "agentSourcedIds", $"Связь «{from}» → «{to}» указывает на неизвестного пользователя.");
                continue;
            }

            var (parent, student) = a.Role == RosterRole.Parent ? (a, b) : (b, a);
            if (parent.Role == RosterRole.Parent && student.Role == RosterRole.Student)
            {
                builder.Guardian(parent.JournalId, student.JournalId, role == "guardian" ? "Опекун" : null);
            }
        }

        if (Table("enrollments.csv") is not { } enrollments)
        {
            return;
        }

        foreach (var row in enrollments.Rows)
        {
            if (Column(enrollments, row, "status") == "tobedeleted")
            {
                continue;
            }

            if (!classes.TryGetValue(Column(enrollments, row, "classSourcedId"), out var cls) || !ids.TryGetValue(Column(enrollments, row, "userSourcedId"), out var user))
            {
                problems.Error("enrollment.unknown", enrollments.File, row.Number, "classSourcedId", "Запись о зачислении ссылается на неизвестный класс или пользователя.");
                continue;
            }

            if (user.Role == RosterRole.Student)
            {
                builder.Enroll(user.JournalId, cls.Name, cls.Grade, enrollments.File, row.Number, "classSourcedId");
            }
            else if (user.Role == RosterRole.Staff)
            {
                builder.Teach(user.JournalId, cls.Name, Column(enrollments, row, "primary") == "true", [], enrollments.File, row.Number, "classSourcedId");
            }
        }
    }

    private static string Column(RawTable table, RawRow row, string name)
    {
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (string.Equals(table.Headers[i].Trim('\uFEFF', ' '), name, StringComparison.OrdinalIgnoreCase))
            {
                return row.Cell(i);
            }
        }

        return "";
    }

    [GeneratedRegex(@"\{\s*snils\s*:\s*([^}]+)\}", RegexOptions.IgnoreCase)]
    private static partial Regex SnilsInUserIds();
}
