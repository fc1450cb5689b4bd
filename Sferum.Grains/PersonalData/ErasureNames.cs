using Sferum.Identity;

namespace Sferum.PersonalData;

/// <summary>
/// The forms a person's name takes in what Sferum writes: "Фамилия Имя Отчество" (profiles, rosters, audit summaries),
/// "Имя Фамилия" (chats), "Фамилия Имя". Every form is replaced wherever it was copied; forms shorter than three letters
/// are left alone (they would match inside other words).
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

    public static List<string> Distinct(IEnumerable<string?> names) =>
        names.Select(n => n?.Trim()).OfType<string>().Where(n => n.Length >= 3 && n != FormerMember.Name)
            .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length).ToList();

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
