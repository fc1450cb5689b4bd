using System.Text.RegularExpressions;

namespace Sferum.Web.Tests.Support;

/// <summary>The profile's consents page as a test reads it: one person's block, the consent in force there, giving one.</summary>
public static partial class ConsentPages
{
    public const string Path = "/Profile/Consents";

    /// <summary>The block of the person whose key starts with <paramref name="keyPrefix"/> ("u:" for oneself, a journal id for a child).</summary>
    public static string Person(string html, string keyPrefix) =>
        Regex.Match(html, $"<article class=\"consent-subject\" data-subject=\"{Regex.Escape(keyPrefix)}[^\"]*\">.*?</article>", RegexOptions.Singleline).Value;

    public static Guid? InForce(string block) =>
        InForcePattern().Match(block) is { Success: true } m ? Guid.Parse(m.Groups[1].Value) : null;

    /// <summary>The signed-in person's own contact-phone consent, given through the page first when none is in force.</summary>
    public static async Task<Guid> OwnConsentAsync(OidcHttpBrowser browser, string phone)
    {
        if (InForce(Person(await (await browser.GetAsync(Path)).Content.ReadAsStringAsync(), "u:")) is { } id)
        {
            return id;
        }

        var given = await browser.SubmitAsync(Path, "name=\"SubjectKey\" value=\"u:", new() { ["Phone"] = phone, ["Accepted"] = "true" });
        var html = await given.Content.ReadAsStringAsync();
        Assert.True(given.IsSuccessStatusCode && html.Contains("принято", StringComparison.Ordinal), html);
        return InForce(Person(html, "u:")) ?? throw new InvalidOperationException("The consent given is not on the page.");
    }

    [GeneratedRegex("data-consent=\"([0-9a-f-]{36})\" data-in-force=\"true\"")]
    private static partial Regex InForcePattern();
}
