using System.Text;

namespace Sferum.Rosters.Reading.Journal;

/// <summary>
/// The header names accepted for each column (README.md lists them). Matching ignores case, spaces, punctuation and
/// the difference between «ё» and «е», so "E-mail", "e mail" and "EMAIL" are one name.
/// </summary>
public static class HeaderAliases
{
    public static readonly IReadOnlyDictionary<JournalField, string[]> Names = new Dictionary<JournalField, string[]>
    {
        [JournalField.RowNumber] = ["№", "N", "#", "№ п/п", "Номер", "No"],
        [JournalField.LastName] = ["Фамилия", "Last name", "Surname", "Family name"],
        [JournalField.FirstName] = ["Имя", "First name", "Given name", "Name"],
        [JournalField.MiddleName] = ["Отчество", "Middle name", "Patronymic"],
        [JournalField.FullName] = ["ФИО", "Ф.И.О.", "Full name", "ФИО полностью"],
        [JournalField.BirthDate] = ["Дата рождения", "ДР", "Birth date", "Date of birth", "Birthdate"],
        [JournalField.Class] = ["Класс", "Class", "Group", "Группа"],
        [JournalField.Snils] = ["СНИЛС", "SNILS", "Номер СНИЛС"],
        [JournalField.Id] = ["Идентификатор", "ID", "Код", "Journal ID", "Учетный номер", "Личный номер", "Уникальный идентификатор"],
        [JournalField.Relation] = ["Кем приходится", "Степень родства", "Родство", "Relation", "Relationship"],
        [JournalField.ChildName] = ["Ученик", "ФИО ученика", "Ребенок", "ФИО ребенка", "Student", "Child"],
        [JournalField.ChildClass] = ["Класс ученика", "Класс ребенка", "Student class", "Child class"],
        [JournalField.ChildId] = ["Идентификатор ученика", "ID ученика", "Идентификатор ребенка", "Код ученика", "Student ID", "Child ID"],
        [JournalField.Phone] = ["Телефон", "Мобильный телефон", "Моб. телефон", "Контактный телефон", "Phone", "Mobile"],
        [JournalField.Email] = ["E-mail", "Email", "Эл. почта", "Электронная почта", "Почта", "Mail"],
        [JournalField.Position] = ["Должность", "Position", "Job title"],
        [JournalField.Homeroom] = ["Классное руководство", "Классный руководитель", "Homeroom"],
        [JournalField.Subjects] = ["Предметы", "Предмет", "Subjects", "Subject"],
        [JournalField.Classes] = ["Классы", "Classes", "Преподает в классах"],
    };

    // Several spellings normalise to one key ("E-mail", "Email"): that is the point of normalising.
    private static readonly Dictionary<string, JournalField> Lookup = Names
        .SelectMany(kv => kv.Value.Select(name => (Key: Normalize(name), Field: kv.Key)))
        .DistinctBy(x => x.Key)
        .ToDictionary(x => x.Key, x => x.Field);

    public static JournalField? Match(string header) => Lookup.TryGetValue(Normalize(header), out var field) ? field : null;

    public static string Normalize(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (var c in header.Trim('\uFEFF', ' ').ToLowerInvariant())
        {
            if (c == '№' || c == '#')
            {
                text.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                text.Append(c == 'ё' ? 'е' : c);
            }
        }

        return text.ToString();
    }
}
