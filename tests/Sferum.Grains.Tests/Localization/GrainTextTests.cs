using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Sferum.Local;
using Sferum.Localization;

namespace Sferum.Grains.Tests.Localization;

/// <summary>
/// What the silo writes for people — the digest letter, notification texts, the acts of destruction — comes from
/// Sferum.Grains/Localization/GrainTexts.resx: every key the grains name is there, none is left unused, counted nouns
/// have their three Russian forms, and the files whose texts moved there hold no Russian of their own.
/// </summary>
public sealed partial class GrainTextTests
{
    private static readonly string Grains = SolutionLayout.Locate().ProjectDirectory("Sferum.Grains");
    private static readonly Dictionary<string, string> Russian =
        XDocument.Load(Path.Combine(Grains, "Localization", "GrainTexts.resx")).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public void Every_key_the_grains_name_is_in_the_russian_resources()
    {
        var used = UsedKeys().ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !Russian.ContainsKey(u.Key)).Select(u => $"{u.Key} ({u.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, "Keys missing from GrainTexts.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_russian_key_is_used()
    {
        var used = UsedKeys().Select(u => u.Key).ToHashSet(StringComparer.Ordinal);

        var unused = Russian.Keys.Where(k => !used.Contains(k)).ToList();
        Assert.True(unused.Count == 0, "Keys nobody uses (GrainTexts.resx):\n" + string.Join("\n", unused));
    }

    [Fact]
    public void Counted_nouns_have_three_forms_each_with_the_number()
    {
        var plurals = UsedKeys().Where(u => u.Plural).Select(u => u.Key).Distinct().ToList();

        Assert.NotEmpty(plurals);
        Assert.All(plurals, key =>
        {
            var forms = Russian[key].Split('|');
            Assert.True(forms.Length == 3, $"{key}: {forms.Length} forms");
            Assert.All(forms, f => Assert.Contains("{0}", f));
        });
    }

    [Theory]
    [InlineData("Digest/DigestComposer.cs")]
    [InlineData("Digest/DigestCounts.cs")]
    [InlineData("PersonalData/DestructionActDocuments.cs")]
    public void A_file_whose_texts_moved_holds_no_russian_outside_comments(string file)
    {
        var offending = File.ReadAllLines(Path.Combine(Grains, file))
            .Select((line, i) => (Line: i + 1, Text: line.Trim()))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal) && Cyrillic().IsMatch(l.Text))
            .Select(l => $"{file}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offending.Count == 0, "Texts to move into GrainTexts.resx:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Texts_are_russian_with_the_number_and_the_form_put_in()
    {
        Assert.Equal("Опрос скоро закроется: «Куда поедем?»", GrainTexts.Format("Notice.PollClosing", "Куда поедем?"));
        Assert.Equal("21 чат", GrainTexts.Plural("Digest.Chats", 21));
        Assert.Equal("3 чата", GrainTexts.Plural("Digest.Chats", 3));
        Assert.Equal("12 чатов", GrainTexts.Plural("Digest.Chats", 12));
        Assert.Equal("ru", GrainTexts.Language.TwoLetterISOLanguageName);
    }

    [Fact]
    public void A_missing_key_fails_loudly_instead_of_showing_the_key() =>
        Assert.Contains("No.Such", Assert.Throws<MissingManifestResourceException>(() => GrainTexts.Get("No.Such")).Message);

    /// <summary>Keys passed to GrainTexts.Get/Format/Plural as literals in the silo's code.</summary>
    private static IEnumerable<(string Key, string File, bool Plural)> UsedKeys() =>
        Directory.EnumerateFiles(Grains, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => TextCall().Matches(File.ReadAllText(f))
                .Select(m => (m.Groups["key"].Value, Path.GetRelativePath(Grains, f), m.Groups["how"].Value == "Plural")));

    [GeneratedRegex(@"\bGrainTexts\.(?<how>Get|Format|Plural)\(\s*""(?<key>[^""]+)""")]
    private static partial Regex TextCall();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
