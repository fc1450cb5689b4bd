using System.Globalization;
using System.Text.RegularExpressions;

namespace Sferum.Rosters.Reading.Values;

/// <summary>Normalises what people type into journals: names, dates, e-mail addresses.</summary>
public static partial class PersonValues
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yy"];

    /// <summary>Trimmed, inner whitespace collapsed to single spaces; null for empty.</summary>
    public static string? Name(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        return Spaces().Replace(raw.Trim(), " ");
    }

    /// <summary>"Иванова Мария Сергеевна" → (Иванова, Мария, Сергеевна); patronymics of several words stay together.</summary>
    public static (string? Last, string? First, string? Middle) SplitFullName(string? raw)
    {
        var parts = Name(raw)?.Split(' ') ?? [];
        return parts.Length switch
        {
            0 => (null, null, null),
            1 => (parts[0], null, null),
            2 => (parts[0], parts[1], null),
            _ => (parts[0], parts[1], string.Join(' ', parts[2..])),
        };
    }

    /// <summary>A birth date that can be real: a known format, a real calendar day, 1900 or later and not in the future.</summary>
    public static bool TryBirthDate(string raw, DateOnly today, out DateOnly date) =>
        DateOnly.TryParseExact(raw.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year >= 1900 && date <= today;

    public static bool TryEmail(string raw, out string email)
    {
        email = raw.Trim().ToLowerInvariant();
        return EmailShape().IsMatch(email);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
