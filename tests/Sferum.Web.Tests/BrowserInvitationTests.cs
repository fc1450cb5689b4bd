using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The whole invitation flow in real browsers: the teacher makes a parent link on her phone-sized screen, the
/// grandparent opens it, signs in at the provider, joins, and lands in the parents' chat.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserInvitationTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_teacher_shares_a_parent_link_and_the_grandparent_joins_the_parents_chat_in_the_browser()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await (await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } })).NewPageAsync();
        await teacher.GotoAsync(env.Stack.WebUrl + "/Account/Login");
        await SignInAsync(teacher, "teacher");
        await teacher.ClickAsync("#my-classes a:text-is('5А')");
        await teacher.ClickAsync("#invite-parents");
        await teacher.SelectOptionAsync("#child", "DEMO-S2");
        await teacher.FillAsync("input[name=MaxUses]", "1");
        await teacher.ClickAsync("#new-invitation button[type=submit]");
        await Assertions.Expect(teacher.Locator("#invite-qr")).ToBeVisibleAsync();
        var link = await teacher.InputValueAsync("#invite-link");
        Assert.StartsWith(env.Stack.WebUrl + "/i/", link);

        var relative = await (await browser.NewContextAsync()).NewPageAsync();
        await relative.GotoAsync(link);
        await SignInAsync(relative, "relative");
        await Assertions.Expect(relative.Locator("#offer-title")).ToHaveTextAsync("5А: чат родителей");
        await relative.ClickAsync("#join");
        await relative.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        Assert.Contains("родители", await relative.InnerTextAsync("h1"));

        await relative.GotoAsync(env.Stack.WebUrl + "/Chats");
        var chats = await relative.Locator("#chat-list a").AllInnerTextsAsync();
        Assert.Contains(chats, c => c.Contains("5А: родители"));
        Assert.DoesNotContain(chats, c => c.Contains("5А класс"));

        // The teacher sees the grandparent on the link's page; the link, used once, is spent.
        await teacher.ReloadAsync();
        await Assertions.Expect(teacher.Locator("#joins")).ToContainTextAsync(env.User("relative").LastName);
        await Assertions.Expect(teacher.Locator("#invite-state")).ToHaveTextAsync("исчерпано");
    }

    private async Task SignInAsync(IPage page, string login)
    {
        var user = env.User(login);
        await page.FillAsync("#login", user.Login);
        await page.FillAsync("#password", user.Password);
        await page.ClickAsync("#submit");
    }
}
