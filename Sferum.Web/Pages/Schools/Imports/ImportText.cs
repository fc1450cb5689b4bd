using Sferum.Rosters;

namespace Sferum.Web.Pages.Schools.Imports;

/// <summary>Russian words for an import's states and sections, shared by the import pages.</summary>
public static class ImportText
{
    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Invalid => "Есть ошибки — исправьте файлы и загрузите снова",
        ImportStatus.Previewed => "Проверено, ждёт применения",
        ImportStatus.Unchanged => "Изменений нет — списки уже совпадают",
        ImportStatus.Applying => "Применяется…",
        ImportStatus.Applied => "Применено",
        ImportStatus.Failed => "Не удалось применить, ничего не изменено",
        _ => "Устарело — загрузите файлы снова",
    };

    public static string Section(ImportSection section) => section switch
    {
        ImportSection.Classes => "Классы",
        ImportSection.People => "Люди",
        ImportSection.Enrollments => "Состав классов",
        ImportSection.Guardianships => "Родители и дети",
        _ => "Учителя",
    };

    public static string Severity(ProblemSeverity severity) => severity == ProblemSeverity.Error ? "Ошибка" : "Предупреждение";
}
