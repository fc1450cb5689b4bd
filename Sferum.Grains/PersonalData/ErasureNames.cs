using Sferum.Identity;

namespace Sferum.PersonalData;

/// <summary>
/// The forms a person's name takes in what Sferum writes: "Фамилия Имя Отчество" (profiles, rosters, audit summaries),
/// "Имя Фамилия" (chats), "Фамилия Имя". Every form is replaced wherever it was copied.
/// </summary>
public static class ErasureNames
{
    public static IEnumerable<string> Forms(PersonName name)
    {
        yield return name.FullName;
        yield return name.DisplayName;
        yield return Join(name.LastName, name.FirstName);
        if (!string.IsNullOrWhiteSpace(name.MiddleName))
        {
            yield return Join(name.FirstName, name.MiddleName);
            yield return Join(name.FirstName, name.MiddleName, name.LastName);
        }
    }

    /// <summary>
    /// The forms worth replacing: names of two words or more, and identifiers (SNILS, e-mail, phone). A single word —
    /// a stand-in such as «Участник» that an older copy may hold, or a bare first name — would replace other people's
    /// words in every text of the school.
    /// </summary>
    public static List<string> Distinct(IEnumerable<string?> names) =>
        names.Select(n => n?.Trim()).OfType<string>()
            .Where(n => n.Length >= 3 && n != FormerMember.Name && (n.Contains(' ') || n.Any(char.IsAsciiDigit) || n.Contains('@')))
            .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
