using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Sferum.Web.Localization;

/// <summary>
/// Request localization: the language of the texts (UI culture) comes from the culture cookie, then from the browser's
/// Accept-Language, among the languages in <c>Sferum:Localization:Languages</c> (default only <c>ru-RU</c>); anything
/// else gets Russian. Numbers and dates that pages format without naming a culture stay invariant, as before: the
/// Russian forms are chosen explicitly where they are shown, and form values post back the same in every language.
/// </summary>
public static class LocalizationExtensions
{
    public const string Section = "Sferum:Localization";
    public const string DefaultLanguage = "ru-RU";

    public static IServiceCollection AddSferumLocalization(this IServiceCollection services, IConfiguration configuration)
    {
        var languages = configuration.GetSection(Section + ":Languages").Get<string[]>() is { Length: > 0 } listed
            ? listed
            : [DefaultLanguage];
        var cultures = languages.Select(CultureInfo.GetCultureInfo).ToList(); // an unknown name stops the node at start
        if (!cultures.Any(c => c.Name == DefaultLanguage))
        {
            cultures.Insert(0, CultureInfo.GetCultureInfo(DefaultLanguage));
        }

        services.AddLocalization();
        services.AddSingleton<ScriptTexts>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo(DefaultLanguage));
            o.SupportedCultures = [CultureInfo.InvariantCulture];
            o.SupportedUICultures = cultures;
            o.FallBackToParentUICultures = true;
            // Cookie (a language chosen in the portal) first, then the browser's languages; never the query string.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }
}
