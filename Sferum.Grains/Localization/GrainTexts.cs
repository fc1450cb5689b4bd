using System.Globalization;
using System.Resources;
using Sferum.Common;

namespace Sferum.Localization;

/// <summary>
/// Texts the silo composes for people to read — the digest letter, notification texts, the acts of destruction — from
/// <c>GrainTexts.resx</c> beside this class (Russian, the neutral language). The silo does not know the reader's
/// language, so it writes in the neutral one: a notification keeps the text it was given when it was made.
/// A key that is missing fails loudly (GrainTextTests check every key used).
/// </summary>
public static class GrainTexts
{
    private static readonly ResourceManager Resources = new(typeof(GrainTexts).FullName!, typeof(GrainTexts).Assembly);

    /// <summary>The language of the texts: numbers and dates put into them are formatted in it too.</summary>
    public static CultureInfo Language { get; } = CultureInfo.GetCultureInfo("ru-RU");

    public static string Get(string key) =>
        Resources.GetString(key, CultureInfo.InvariantCulture) ?? throw new MissingManifestResourceException($"GrainTexts.resx has no {key}");

    /// <summary>The text with <c>{0}</c>, <c>{1}</c>… filled in.</summary>
    public static string Format(string key, params object?[] args) => string.Format(Language, Get(key), args);

    /// <summary>The form for <paramref name="count"/> of a text whose forms are separated by «|» (one/few/many, <c>{0}</c> the count), the rest filled in after it.</summary>
    public static string Plural(string key, long count, params object?[] more)
    {
        var forms = Get(key).Split('|');
        var form = forms.Length == 3 ? forms[(int)RussianPlural.FormOf(count)] : forms[count is 1 or -1 || forms.Length == 1 ? 0 : forms.Length - 1];
        return string.Format(Language, form, [count, .. more]);
    }
}
