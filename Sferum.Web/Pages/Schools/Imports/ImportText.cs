using Sferum.Rosters;

namespace Sferum.Web.Pages.Schools.Imports;

/// <summary>Resource keys of an import's states and sections, shared by the import pages (<c>@L[ImportText.Status(s)]</c>).</summary>
public static class ImportText
{
    public static string Status(ImportStatus status) => status switch
    {
        ImportStatus.Invalid => "Import.Invalid",
        ImportStatus.Previewed => "Import.Previewed",
        ImportStatus.Unchanged => "Import.Unchanged",
        ImportStatus.Applying => "Import.Applying",
        ImportStatus.Applied => "Import.Applied",
        ImportStatus.Failed => "Import.Failed",
        _ => "Import.Stale",
    };

    public static string Section(ImportSection section) => section switch
    {
        ImportSection.Classes => "Import.Classes",
        ImportSection.People => "Import.People",
        ImportSection.Enrollments => "Import.Enrollments",
        ImportSection.Guardianships => "Import.Guardianships",
        _ => "Import.Teachers",
    };

    public static string Severity(ProblemSeverity severity) => severity == ProblemSeverity.Error ? "Import.Error" : "Import.Warning";
}
