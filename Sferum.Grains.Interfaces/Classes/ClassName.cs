using System.Text;

namespace Sferum.Classes;

/// <summary>
/// A class's name as schools write it: grade 1–11 and a Cyrillic letter, "5А". Journals and people type it in many
/// ways ("5 А", "5-а", "5a" with a Latin a, "05А"); they all mean the same class, so every name is normalised before
/// it is compared or stored.
/// </summary>
public static class ClassName
{
    // Latin letters that look like Cyrillic ones and are typed by mistake on an English layout.
    private static readonly Dictionary<char, char> LatinLookalikes = new()
    {
        ['A'] = 'А', ['B'] = 'В', ['C'] = 'С', ['E'] = 'Е', ['H'] = 'Н', ['K'] = 'К', ['M'] = 'М', ['O'] = 'О',
        ['P'] = 'Р', ['T'] = 'Т', ['X'] = 'Х', ['Y'] = 'У',
    };

    /// <summary>Normalises <paramref name="raw"/>; false when it is not a grade (1–11) followed by at most a few letters.</summary>
    public static bool TryNormalize(string? raw, out string name, out int grade)
    {
        name = "";
        grade = 0;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var text = raw.Trim();
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || !int.TryParse(text.AsSpan(0, digits), out grade) || grade is < 1 or > 11)
        {
            return false;
        }

        var letters = new StringBuilder();
        foreach (var c in text[digits..])
        {
            if (c is ' ' or '-' or '_' or '.' or '"' or '«' or '»' or '\u00A0' or '\u2013' or '\u2014')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (LatinLookalikes.TryGetValue(upper, out var cyrillic))
            {
                upper = cyrillic;
            }

            if (upper != 'Ё' && upper is < 'А' or > 'Я')
            {
                return false;
            }

            letters.Append(upper);
        }

        if (letters.Length > 3)
        {
            return false;
        }

        name = $"{grade}{letters}";
        return true;
    }
}
