using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>A real browser (Debian's Chromium, headless, driven by Playwright) signs in through the DevIdentity form.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserSignInTests(WebTestEnvironment env)
{
    [Fact]
    public async Task Opening_the_portal_and_signing_in_shows_the_users_name()
    {
        var parent = env.User("parent");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync();

        await page.GotoAsync(env.Stack.WebUrl);
        await page.ClickAsync("#login-link");
        await page.FillAsync("#login", parent.Login);
        await page.FillAsync("#password", parent.Password);
        await page.ClickAsync("#submit");
        await page.WaitForURLAsync(env.Stack.WebUrl + "/");

        Assert.Contains($"{parent.LastName} {parent.FirstName}", await page.InnerTextAsync("#greeting"));
    }
}
