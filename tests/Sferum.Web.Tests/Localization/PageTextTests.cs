using System.Text.RegularExpressions;
using Sferum.Local;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// No page carries Russian text of its own: every word a person reads comes from SharedResource.resx, so a second
/// language stays a file. (Razor comments are for developers and may be in any language.)
/// </summary>
public sealed partial class PageTextTests
{
    [Fact]
    public void No_razor_page_holds_text_outside_the_resources()
    {
        var pages = Path.Combine(SolutionLayout.Locate().ProjectDirectory("Sferum.Web"), "Pages");
        var views = Directory.GetFiles(pages, "*.cshtml", SearchOption.AllDirectories);
        Assert.NotEmpty(views);

        var offending = views
            .SelectMany(file => RazorComment().Replace(File.ReadAllText(file), "").Split('\n')
                .Select((line, i) => (File: Path.GetRelativePath(pages, file), Line: i + 1, Text: line.Trim()))
                .Where(l => Cyrillic().IsMatch(l.Text)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offending.Count == 0, "Texts to move into SharedResource.resx:\n" + string.Join("\n", offending));
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();
}
