using System.Globalization;
using System.Resources;
using Sferum.Common;

namespace Sferum.Web.Localization;

/// <summary>
/// What the portal shows for a grain's refusal: its text from <see cref="ErrorResource"/> in the reader's language
/// (the request's UI culture), with the refusal's arguments put in. Every page, API and hub that shows a refusal goes
/// through here. Without a text for the key (an older silo sent no key, the web layer worded the refusal itself) or
/// when a translation's placeholders do not fit the arguments, the refusal's own Russian message is shown: a user
/// always reads the rule, never a bare key.
/// </summary>
public static class ErrorText
{
    // A ResourceManager rather than an injected IStringLocalizer: the same lookup (base name, UI culture, fallback to
    // the neutral Russian), reachable from static result helpers and page models alike without a new constructor
    // parameter in each of them.
    private static readonly ResourceManager Resources = new(typeof(ErrorResource).FullName!, typeof(ErrorResource).Assembly);

    public static string Of(DomainException error, CultureInfo? uiCulture = null)
    {
        if (error.Key is not { } key || Resources.GetString(key, uiCulture ?? CultureInfo.CurrentUICulture) is not { } text)
        {
            return error.Message;
        }

        var args = error.Args ?? [];
        if (args.Count == 0 && !text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, text, [.. args]);
        }
        catch (FormatException)
        {
            return error.Message;
        }
    }
}
