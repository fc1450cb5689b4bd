using Microsoft.Playwright;

namespace Sferum.Web.Tests.Support;

/// <summary>Debian's Chromium (never a downloaded browser), with the flags that keep it off the network.</summary>
public static class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does it).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            ],
        });
    }

    /// <summary>Signs <paramref name="login"/> in through DevIdentity in a new context and opens 5А's class chat, ready and live.</summary>
    public static async Task<IPage> OpenClassChatAsync(IBrowser browser, WebTestEnvironment env, string login, bool phone = false)
    {
        var page = await SignInAsync(browser, env, login, phone);
        await page.ClickAsync("#chat-list a:has-text('5А класс')");
        await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>Signs <paramref name="login"/> in through DevIdentity in a new context; the page is left on the chat list.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, WebTestEnvironment env, string login, bool phone = false)
    {
        var user = env.User(login);
        var context = await browser.NewContextAsync(phone
            ? new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true }
            : new());
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{env.Stack.WebUrl}/Chats");
        await page.FillAsync("#login", user.Login);
        await page.FillAsync("#password", user.Password);
        await page.ClickAsync("#submit");
        await page.WaitForURLAsync("**/Chats");
        return page;
    }
}
