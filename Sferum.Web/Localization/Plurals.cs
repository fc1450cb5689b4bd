using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;
using Sferum.Common;

namespace Sferum.Web.Localization;

/// <summary>
/// Counted nouns from the resources. A plural key holds its forms separated by «|», each with {0} for the number:
/// Russian three (<c>{0} участник|{0} участника|{0} участников</c>), a language with one/other rules two.
/// </summary>
public static class Plurals
{
    public static string Plural(this IStringLocalizer localizer, string key, long count) =>
        Pick(localizer[key].Value, count, CultureInfo.CurrentUICulture);

    public static string Plural(this IHtmlLocalizer localizer, string key, long count) =>
        Pick(localizer.GetString(key).Value, count, CultureInfo.CurrentUICulture);

    /// <summary>The form of <paramref name="forms"/> for <paramref name="count"/> in <paramref name="language"/>, with the number put in.</summary>
    public static string Pick(string forms, long count, CultureInfo language)
    {
        var all = forms.Split('|');
        var index = Index(count, all.Length, language);
        return string.Format(language, all[index], count);
    }

    private static int Index(long count, int forms, CultureInfo language)
    {
        if (forms == 1)
        {
            return 0;
        }

        // Russian, Ukrainian and Belarusian share the one/few/many rule; other languages here use one/other.
        if (forms == 3 && language.TwoLetterISOLanguageName is "ru" or "uk" or "be")
        {
            return (int)RussianPlural.FormOf(count);
        }

        return count is 1 or -1 ? 0 : forms - 1;
    }
}
