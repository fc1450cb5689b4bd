using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sferum.Local;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// The portal's texts are keys into Sferum.Web/Localization/SharedResource.resx (Russian, the neutral language). A key
/// used in a page or a page model that the Russian file lacks would show as the bare key: it fails here instead. Every
/// other language's file holds only keys that Russian has, with the same placeholders.
/// </summary>
public sealed partial class ResourceKeyTests
{
    private static readonly string Web = SolutionLayout.Locate().ProjectDirectory("Sferum.Web");
    private static readonly string Folder = Path.Combine(Web, "Localization");

    [Fact]
    public void Every_key_the_pages_use_is_in_the_russian_resources()
    {
        var russian = Read("SharedResource.resx");
        var used = UsedKeys().ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !russian.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys missing from SharedResource.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_key_named_in_code_is_in_the_russian_resources()
    {
        // Keys chosen in code (an enum's text: Profile.TrustConfirmed) are literals with a known prefix. Views name
        // their keys in L[…] (the test above); their other dotted literals are model paths (asp-for="Admin.Snils").
        var russian = Read("SharedResource.resx");
        var prefixes = russian.Keys.Select(k => k[..k.IndexOf('.')]).ToHashSet(StringComparer.Ordinal);
        var named = Sources().Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => (Key: m.Groups["key"].Value, File: Path.GetRelativePath(Web, f))))
            .Where(n => prefixes.Contains(n.Key[..n.Key.IndexOf('.')]))
            .ToList();

        Assert.NotEmpty(named);
        var missing = named.Where(n => !russian.ContainsKey(n.Key)).Select(n => $"{n.Key} ({n.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys missing from SharedResource.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_russian_key_is_used_somewhere()
    {
        var russian = Read("SharedResource.resx");
        var sources = string.Join("\n", Sources().Select(f => File.ReadAllText(f)));

        var unused = russian.Keys.Where(k => !sources.Contains($"\"{k}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "Keys nobody uses:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void Other_languages_hold_only_russian_keys_with_the_same_placeholders()
    {
        var russian = Read("SharedResource.resx");
        var others = Directory.GetFiles(Folder, "SharedResource.*.resx");

        Assert.NotEmpty(others); // English ships as the example of a second language
        foreach (var file in others)
        {
            foreach (var (key, value) in Read(Path.GetFileName(file)))
            {
                Assert.True(russian.TryGetValue(key, out var ru), $"{Path.GetFileName(file)} has {key}, which Russian lacks");
                Assert.Equal(Placeholders(ru), Placeholders(value));
            }
        }
    }

    [Fact]
    public void Russian_counted_nouns_have_three_forms_each_with_the_number()
    {
        var plurals = Read("SharedResource.resx").Where(p => p.Key.StartsWith("Plural.", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(plurals);
        Assert.All(plurals, p =>
        {
            var forms = p.Value.Split('|');
            Assert.Equal(3, forms.Length);
            Assert.All(forms, f => Assert.Contains("{0}", f));
        });
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>Keys read by a view's <c>L</c> or a page model's <c>localizer</c> (<c>[key]</c>, <c>.Plural(key, n)</c>, <c>.GetString(key)</c>) and in validation attributes.</summary>
    private static IEnumerable<(string Key, string File)> UsedKeys()
    {
        foreach (var file in Sources())
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerCall().Matches(text))
            {
                yield return (m.Groups["key"].Value, Path.GetRelativePath(Web, file));
            }

            foreach (Match m in AttributeText().Matches(text))
            {
                yield return (m.Groups["key"].Value, Path.GetRelativePath(Web, file));
            }
        }
    }

    private static string Placeholders(string value) =>
        string.Join(",", Placeholder().Matches(value).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\b(?:L|localizer)(?:\[|\.Plural\(|\.GetString\()\s*""(?<key>[^""]+)""")]
    private static partial Regex LocalizerCall();

    /// <summary>With data-annotation localization on, ErrorMessage and Display(Name) are keys too.</summary>
    [GeneratedRegex(@"\b(?:ErrorMessage|Name)\s*=\s*""(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex AttributeText();

    [GeneratedRegex(@"""(?<key>[A-Z][A-Za-z0-9]*\.[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
