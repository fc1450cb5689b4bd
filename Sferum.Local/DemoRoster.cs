using System.Text;

namespace Sferum.Local;

/// <summary>
/// The demo school's journal export, made from the demo users so that signing in as "teacher", "student" or
/// "parent" lands in 5А and its chats: staff (the admin as director, the teacher as 5А's homeroom teacher), two classes
/// of invented students, and parents. Invented people get valid but made-up SNILS numbers.
/// </summary>
public static class DemoRoster
{
    private static readonly string[] LastNames = ["Соколова", "Морозов", "Волкова", "Лебедев", "Козлова", "Новиков", "Зайцева", "Павлов", "Семёнова", "Голубев", "Виноградова", "Богданов"];
    private static readonly string[] FirstNames = ["Алиса", "Матвей", "Варвара", "Тимофей", "Полина", "Арсений", "Ева", "Глеб", "Милана", "Лев", "Ульяна", "Марк"];

    public static IReadOnlyList<(string Name, byte[] Content)> Build(IReadOnlyList<DemoUsers.DemoUser> users)
    {
        var admin = users.FirstOrDefault(u => u.Login == "admin");
        var teacher = users.FirstOrDefault(u => u.Login == "teacher");
        var student = users.FirstOrDefault(u => u.Login == "student");
        var parent = users.FirstOrDefault(u => u.Login == "parent");

        var staff = new StringBuilder("Фамилия;Имя;Отчество;Должность;Классное руководство;Предметы;Классы;СНИЛС;Идентификатор\r\n");
        if (admin is not null)
        {
            staff.Append($"{admin.LastName};{admin.FirstName};{admin.MiddleName};Директор;;;;{admin.Snils};DEMO-T1\r\n");
        }

        if (teacher is not null)
        {
            staff.Append($"{teacher.LastName};{teacher.FirstName};{teacher.MiddleName};Учитель;5А;Математика, Информатика;5А, 5Б;{teacher.Snils};DEMO-T2\r\n");
        }

        staff.Append($"Кузнецова;Ирина;Павловна;Учитель;5Б;Русский язык, Литература;5Б, 5А;{Snils(900)};DEMO-T3\r\n");

        var students = new StringBuilder("Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Идентификатор\r\n");
        var parents = new StringBuilder("Фамилия;Имя;Отчество;Кем приходится;Телефон;СНИЛС;Идентификатор;Идентификатор ученика\r\n");
        if (student is not null)
        {
            students.Append($"{student.LastName};{student.FirstName};{student.MiddleName};14.03.2015;5А;{student.Snils};DEMO-S0\r\n");
            if (parent is not null)
            {
                parents.Append($"{parent.LastName};{parent.FirstName};{parent.MiddleName};Мать;+7 900 000-00-01;{parent.Snils};DEMO-P0;DEMO-S0\r\n");
            }
        }

        // The demo parent's younger child: the journal does not list her mother, the provider does (kid_snils).
        students.Append($"Петрова;Мария;Ивановна;02.09.2016;5Б;{Snils(50)};DEMO-S50\r\n");

        for (var i = 0; i < 24; i++)
        {
            var cls = i < 12 ? "5А" : "5Б";
            var lastName = LastNames[i % LastNames.Length];
            var firstName = FirstNames[(i * 5) % FirstNames.Length];
            students.Append($"{lastName};{firstName};;{1 + i % 28:00}.{1 + i % 12:00}.2015;{cls};{Snils(100 + i)};DEMO-S{i + 1}\r\n");
            parents.Append($"{lastName};{(lastName.EndsWith('а') ? "Елена" : "Сергей")};;{(lastName.EndsWith('а') ? "Мать" : "Отец")};+7 900 100-{i:00}-{i:00};{Snils(500 + i)};DEMO-P{i + 1};DEMO-S{i + 1}\r\n");
        }

        return [("staff.csv", Utf8(staff)), ("students.csv", Utf8(students)), ("parents.csv", Utf8(parents))];
    }

    private static byte[] Utf8(StringBuilder text) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();

    /// <summary>A valid SNILS made from a small number (100-000-NNN), so demo people never look like real ones.</summary>
    private static string Snils(int n) => Sferum.Common.Snils.FromNumber(100_000_000 + n);
}
