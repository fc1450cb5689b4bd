using System.Xml.Linq;
using Sferum.Local;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// The grains' refusals are shown from Sferum.Web/Localization/ErrorResource.resx (Russian, the neutral language),
/// looked up by each refusal's key. Read from the source: every refusal thrown has its Russian text there, word for
/// word as the code says it (so the Russian a user reads on a page is the message in the logs), with as many
/// placeholders as the code gives arguments; each key names one text; no text sits there unused; every other
/// language holds only Russian keys, with the same placeholders.
/// </summary>
public sealed class ErrorResourceTests
{
    private static readonly SolutionLayout Layout = SolutionLayout.Locate();
    private static readonly string Folder = Path.Combine(Layout.ProjectDirectory("Sferum.Web"), "Localization");

    private static readonly Lazy<(List<DomainExceptionSites.Site> Sites, List<DomainExceptionSites.Unreadable> Unreadable, int Localized)> Scan =
        new(() => DomainExceptionSites.Read(Layout.Root, "Sferum.Grains", "Sferum.Grains.Interfaces", "Sferum.Web"));

    [Fact]
    public void Every_refusal_names_its_code_key_and_text_as_literals()
    {
        var (sites, unreadable, _) = Scan.Value;

        Assert.True(sites.Count > 250, $"Only {sites.Count} refusals found: is the scan still reading the grains?");
        Assert.True(unreadable.Count == 0, "Refusals whose code, key or text is not a literal:\n"
            + string.Join("\n", unreadable.Select(u => $"{u.File}:{u.Line}: {u.Call}")));
    }

    [Fact]
    public void Every_refusal_thrown_has_its_russian_text()
    {
        var russian = Read("ErrorResource.resx");
        var (sites, _, _) = Scan.Value;

        var missing = sites.Where(s => !russian.ContainsKey(s.Key)).Select(s => $"{s.Key} ({s.File}:{s.Line})").ToList();
        Assert.True(missing.Count == 0, "Keys missing from ErrorResource.resx:\n" + string.Join("\n", missing));
        var differ = sites.Where(s => russian.TryGetValue(s.Key, out var ru) && ru != s.Text)
            .Select(s => $"{s.Key} ({s.File}:{s.Line}):\n  code:     {s.Text}\n  resource: {russian[s.Key]}").ToList();
        Assert.True(differ.Count == 0, "ErrorResource.resx says it otherwise than the code:\n" + string.Join("\n", differ));
    }

    [Fact]
    public void Each_key_names_one_text()
    {
        var shared = Scan.Value.Sites.GroupBy(s => s.Key).Where(g => g.Select(s => s.Text).Distinct().Count() > 1)
            .Select(g => $"{g.Key}:\n" + string.Join("\n", g.Select(s => $"  {s.Text} ({s.File}:{s.Line})").Distinct())).ToList();

        Assert.True(shared.Count == 0, "Keys shared by different texts (give each its own key):\n" + string.Join("\n", shared));
    }

    [Fact]
    public void Every_refusal_gives_as_many_arguments_as_its_text_has_placeholders()
    {
        var wrong = Scan.Value.Sites
            .Where(s => DomainExceptionSites.Placeholders(s.Text) is var used && (used.Count != s.ArgCount || used.Any(n => n >= s.ArgCount)))
            .Select(s => $"{s.File}:{s.Line} {s.Key}: {s.ArgCount} arguments for \"{s.Text}\"").ToList();

        Assert.True(wrong.Count == 0, "Placeholders and arguments differ:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_russian_error_text_is_thrown_somewhere()
    {
        var thrown = Scan.Value.Sites.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

        var unused = Read("ErrorResource.resx").Keys.Where(k => !thrown.Contains(k)).ToList();
        Assert.True(unused.Count == 0, "Error texts nobody throws:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void Other_languages_hold_only_russian_keys_with_the_same_placeholders()
    {
        var russian = Read("ErrorResource.resx");
        var others = Directory.GetFiles(Folder, "ErrorResource.*.resx");

        Assert.NotEmpty(others); // English ships as the example of a second language
        foreach (var file in others)
        {
            var texts = Read(Path.GetFileName(file));
            Assert.NotEmpty(texts);
            foreach (var (key, value) in texts)
            {
                Assert.True(russian.TryGetValue(key, out var ru), $"{Path.GetFileName(file)} has {key}, which Russian lacks");
                Assert.Equal(DomainExceptionSites.Placeholders(ru), DomainExceptionSites.Placeholders(value));
            }
        }
    }

    [Fact]
    public void Only_the_web_layer_throws_refusals_already_in_the_readers_language()
    {
        var (_, _, localizedEverywhere) = Scan.Value;
        var (_, _, localizedInWeb) = DomainExceptionSites.Read(Layout.Root, "Sferum.Web");

        Assert.True(localizedInWeb > 0);
        Assert.Equal(localizedInWeb, localizedEverywhere);
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
