using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sferum.Local;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// The scripts (<c>wwwroot/js</c>, <c>sw.js</c>), the offline page and the notification kinds' names speak through
/// <c>Sferum.Web/Localization/ScriptResource.resx</c>: a key a script asks for that Russian lacks would show bare, a
/// key nobody asks for is dead weight in every page, and a Cyrillic literal left in a script is a text a second
/// language cannot reach.
/// </summary>
public sealed partial class ScriptTextTests
{
    private static readonly string Web = SolutionLayout.Locate().ProjectDirectory("Sferum.Web");
    private static readonly Dictionary<string, string> Russian =
        XDocument.Load(Path.Combine(Web, "Localization", "ScriptResource.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Every_key_a_script_or_the_offline_page_asks_for_is_in_the_russian_resources()
    {
        var used = UsedKeys().ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !Russian.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys missing from ScriptResource.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_russian_script_key_is_used_somewhere()
    {
        var used = UsedKeys().Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        var unused = Russian.Keys.Where(k => !used.Contains(k)).ToList();
        Assert.True(unused.Count == 0, "Keys nobody uses (ScriptResource.resx):\n" + string.Join("\n", unused));
    }

    [Fact]
    public void Every_key_read_with_plural_has_three_forms_each_with_the_number()
    {
        var plurals = Scripts().SelectMany(f => PluralCall().Matches(ScriptSource.WithoutComments(File.ReadAllText(f))))
            .SelectMany(m => KeyLiteral().Matches(m.Value).Select(k => k.Groups["key"].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(plurals);
        Assert.All(plurals, key =>
        {
            var forms = Russian[key].Split('|');
            Assert.True(forms.Length == 3, $"{key}: {forms.Length} forms");
            Assert.All(forms, f => Assert.Contains("{0}", f));
        });
    }

    [Fact]
    public void No_script_holds_text_outside_the_resources()
    {
        var scripts = Scripts().ToList();
        Assert.Contains(scripts, f => f.EndsWith("chat.js", StringComparison.Ordinal));

        var offending = scripts
            .SelectMany(file => ScriptSource.WithoutComments(File.ReadAllText(file)).Split('\n')
                .Select((line, i) => (File: Path.GetRelativePath(Web, file), Line: i + 1, Text: line.Trim()))
                .Where(l => Cyrillic().IsMatch(l.Text)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offending.Count == 0, "Texts to move into ScriptResource.resx:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_comment_stripper_keeps_strings_and_drops_comments()
    {
        const string script = "const a = \"http://x\"; // «комментарий»\n/* ещё\n один */ const b = `${a} // не комментарий`;";

        var stripped = ScriptSource.WithoutComments(script);

        Assert.Equal("const a = \"http://x\"; \n\n const b = `${a} // не комментарий`;", stripped);
    }

    [Fact]
    public void The_portal_code_that_moved_its_texts_to_the_resources_holds_none()
    {
        var moved = new[] { "Notifications/NotificationTexts.cs", "Pages/Schools/Audit.cshtml.cs", "Pages/Offline.cshtml" };

        var offending = moved.Where(f => Cyrillic().IsMatch(File.ReadAllText(Path.Combine(Web, f)))).ToList();
        Assert.True(offending.Count == 0, "Russian text back in: " + string.Join(", ", offending));
    }

    /// <summary>
    /// Keys named in the scripts and in the portal's code that reads ScriptResource (any literal shaped like a key whose
    /// group the resources have), and in the offline page's <c>T[…]</c>.
    /// </summary>
    private static IEnumerable<(string Key, string File)> UsedKeys()
    {
        var groups = Russian.Keys.Select(k => k[..k.IndexOf('.')]).ToHashSet(StringComparer.Ordinal);
        var code = Directory.EnumerateFiles(Web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("IStringLocalizer<ScriptResource>", StringComparison.Ordinal));
        foreach (var file in Scripts().Concat(code))
        {
            foreach (Match m in KeyLiteral().Matches(ScriptSource.WithoutComments(File.ReadAllText(file))))
            {
                var key = m.Groups["key"].Value;
                if (groups.Contains(key[..key.IndexOf('.')]))
                {
                    yield return (key, Path.GetRelativePath(Web, file));
                }
            }
        }

        var offline = Path.Combine(Web, "Pages", "Offline.cshtml");
        foreach (Match m in PageKey().Matches(File.ReadAllText(offline)))
        {
            yield return (m.Groups["key"].Value, Path.GetRelativePath(Web, offline));
        }
    }

    private static IEnumerable<string> Scripts() =>
        Directory.GetFiles(Path.Combine(Web, "wwwroot", "js"), "*.js").Append(Path.Combine(Web, "wwwroot", "sw.js"));

    [GeneratedRegex(@"""(?<key>[A-Z][A-Za-z]*\.[A-Z][A-Za-z0-9]*)""")]
    private static partial Regex KeyLiteral();

    [GeneratedRegex(@"\bt\.plural\([^,]+,")]
    private static partial Regex PluralCall();

    [GeneratedRegex(@"\bT\[""(?<key>[^""]+)""\]")]
    private static partial Regex PageKey();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
