namespace Sferum.Testing;

/// <summary>
/// The sample journal exports in the team's <c>shared/samples</c> folder, which sits beside the repository (CI clones
/// the repository with shared/ next to it).
/// </summary>
public static class SharedSamples
{
    public static string SchoolSeven => Path.Combine(Root, "school-7");

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "samples");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException($"shared/samples not found above {AppContext.BaseDirectory}: the tests need the team's sample exports.");
        }
    }

    /// <summary>The files of one sample folder (e.g. "journal-utf8") or a single file (e.g. "journal.xlsx").</summary>
    public static List<(string Name, byte[] Content)> Files(string relative)
    {
        var path = Path.Combine(SchoolSeven, relative);
        return Directory.Exists(path)
            ? Directory.GetFiles(path).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList()
            : [(Path.GetFileName(path), File.ReadAllBytes(path))];
    }
}
