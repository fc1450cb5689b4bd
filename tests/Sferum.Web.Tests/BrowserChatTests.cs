using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>Two people in two browsers: live delivery without reload, and catching up exactly once after being offline.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserChatTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_reader_sees_new_messages_live_and_after_being_offline_gets_all_of_them_in_order_exactly_once()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var writer = await Browsers.OpenClassChatAsync(browser, env, "teacher");
        var reader = await Browsers.OpenClassChatAsync(browser, env, "student");
        var tag = Guid.NewGuid().ToString("N")[..6];

        await SendAsync(writer, $"Живое {tag}");
        await reader.WaitForSelectorAsync($"#messages li[data-seq] .text:text-is('Живое {tag}')", new() { Timeout = 10_000 });

        // The writer sees that the reader has read it.
        var live = writer.Locator("#messages li[data-seq]", new() { HasText = $"Живое {tag}" });
        await Assertions.Expect(live.Locator(".receipt")).ToBeVisibleAsync();
        for (var i = 0; i < 20 && !(await live.Locator(".receipt").InnerTextAsync()).StartsWith("прочитали 1", StringComparison.Ordinal); i++)
        {
            await live.Locator(".receipt").ClickAsync();
            await Task.Delay(250);
        }

        Assert.Matches(@"^прочитали 1 из \d+$", await live.Locator(".receipt").InnerTextAsync());

        // Offline long enough for the page to notice the dead connection: what follows comes back only by catching up.
        await reader.Context.SetOfflineAsync(true);
        await reader.WaitForSelectorAsync("#status:has-text('Нет связи')", new() { Timeout = 30_000 });
        for (var i = 1; i <= 3; i++)
        {
            await SendAsync(writer, $"Пока offline {tag} {i}");
        }

        await reader.Context.SetOfflineAsync(false);
        await reader.WaitForSelectorAsync($"#messages li[data-seq] .text:text-is('Пока offline {tag} 3')", new() { Timeout = 60_000 });

        var texts = await reader.Locator("#messages li[data-seq] .text").AllInnerTextsAsync();
        var mine = texts.Where(t => t.Contains(tag)).ToList();
        Assert.Equal([$"Живое {tag}", $"Пока offline {tag} 1", $"Пока offline {tag} 2", $"Пока offline {tag} 3"], mine);
        var seqs = await reader.Locator("#messages li[data-seq]").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.seq))");
        Assert.Equal(seqs.Order(), seqs);
        Assert.Equal(seqs.Distinct().Count(), seqs.Length);
    }

    private async Task SendAsync(IPage page, string text)
    {
        await page.FillAsync("#text", text);
        await page.ClickAsync("#send");
        try
        {
            await page.WaitForSelectorAsync($"#messages li[data-seq] .text:text-is('{text}')", new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var pending = await page.Locator("#messages li.pending").AllInnerTextsAsync();
            Assert.Fail($"'{text}' was not acknowledged. Status: '{await page.InnerTextAsync("#status")}'; pending: {string.Join(" | ", pending)}\nSILO:\n{env.Stack.Silos[0].RecentOutput}\nWEB:\n{env.Stack.Web!.RecentOutput}");
        }
    }
}
