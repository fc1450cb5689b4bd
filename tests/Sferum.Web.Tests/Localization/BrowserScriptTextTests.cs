using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using Sferum.Local;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// The chat page in Chromium speaks with the texts of ScriptResource.resx that the layout put in the page: the
/// script-drawn parts say them in Russian, no key shows bare, and the counted form follows Intl.PluralRules.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class BrowserScriptTextTests(WebTestEnvironment env)
{
    private static readonly Dictionary<string, string> Russian =
        XDocument.Load(Path.Combine(SolutionLayout.Locate().ProjectDirectory("Sferum.Web"), "Localization", "ScriptResource.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Fact]
    public async Task The_chat_page_shows_its_script_texts_from_the_resources()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.OpenClassChatAsync(browser, env, "teacher");
        var tag = Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#text", $"Тексты {tag}");
        await page.ClickAsync("#send");
        var message = page.Locator("#messages li[data-seq]", new() { HasText = $"Тексты {tag}" });
        await Assertions.Expect(message).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // Buttons the script draws under a message, in the page's texts.
        await Assertions.Expect(message.GetByRole(AriaRole.Button, new() { Name = Russian["Chat.Reply"], Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(message.GetByRole(AriaRole.Button, new() { Name = Russian["Chat.Pin"], Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(message.Locator(".receipt")).ToHaveTextAsync(Russian["Chat.WhoRead"]);

        // The page carries every text, and nothing the scripts wrote is a bare key.
        var texts = await page.EvaluateAsync<Dictionary<string, string>>("() => JSON.parse(document.getElementById('texts').textContent)");
        Assert.Equal(Russian, texts);
        var body = await page.InnerTextAsync("body");
        var bare = BareKey().Matches(body).Select(m => m.Value).Where(Russian.ContainsKey).ToList();
        Assert.True(bare.Count == 0, "Keys shown instead of texts: " + string.Join(", ", bare));

        // A filled-in text and the Russian plural rule, as the announcement report uses them.
        Assert.Equal("прочитали 2 из 5", await page.EvaluateAsync<string>("() => SferumTexts('Chat.ReadBy', 2, 5)"));
        Assert.Equal("подтвердили 20 из 21 участника", await page.EvaluateAsync<string>("() => SferumTexts.plural('Announce.ConfirmedMembers', 21, 20)"));
        Assert.Equal("подтвердили 1 из 3 участников", await page.EvaluateAsync<string>("() => SferumTexts.plural('Announce.ConfirmedMembers', 3, 1)"));
        Assert.Equal("подтвердили 0 из 11 участников", await page.EvaluateAsync<string>("() => SferumTexts.plural('Announce.ConfirmedMembers', 11, 0)"));
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*\.[A-Z][A-Za-z0-9]*\b")]
    private static partial Regex BareKey();
}
