using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace Sferum.Web.Localization;

/// <summary>
/// Every text of <see cref="ScriptResource"/> in the request's language as one JSON object (key → text), which the
/// layout writes into the page (<c>Pages/Shared/_ScriptTexts.cshtml</c>). In the page rather than a file of its own:
/// no extra request before the scripts can run, and a page the service worker keeps offline carries its texts. Built
/// once per language: the resources do not change while the node runs.
/// </summary>
public sealed class ScriptTexts(IStringLocalizer<ScriptResource> localizer)
{
    // Cyrillic as it is (not \u0441…: three times the bytes); <, >, & and quotes stay escaped by this encoder.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly ConcurrentDictionary<string, string> json = new(StringComparer.Ordinal);

    /// <summary>The texts as JSON, safe inside a <c>script</c> element.</summary>
    public string Json() => json.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
        // Each key once, resolved with fallback: a text this language lacks comes in Russian.
        JsonSerializer.Serialize(localizer.GetAllStrings(includeParentCultures: true).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal), Options));
}
