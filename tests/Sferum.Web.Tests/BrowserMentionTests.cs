using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>The composer's @ list in a real browser, on a phone: what happens around it, not only the happy pick.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserMentionTests(WebTestEnvironment env)
{
    [Fact]
    public async Task An_at_list_opened_right_after_sending_stays_open_until_a_name_is_picked()
    {
        // Tapping «Отправить» takes the focus from the text box, and the list closes a moment after a blur. A teacher
        // who sends and at once goes back to write «@Пет…» must keep the list she opened: the late close must not
        // take it (it did, and in full CI runs the notification test's second mention lost its option that way).
        using var pupil = await env.SignedInAsync("student"); // her first sign-in puts her into her class's chats
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var student = env.User("student");
        var tag = Guid.NewGuid().ToString("N")[..6];

        await ComposerProbe.WatchAsync(teacher);
        await teacher.FillAsync("#text", $"сначала это {tag}");
        await teacher.ClickAsync("#send");
        await teacher.Locator("#text").FocusAsync();
        await teacher.Locator("#text").PressSequentiallyAsync("@" + student.LastName[..3]);
        var option = teacher.Locator("#mention-list [role=option]", new() { HasText = student.LastName });
        await ComposerProbe.ExplainAsync(teacher, async () =>
        {
            await Assertions.Expect(option).ToBeVisibleAsync();
            // Past the blur's delay (150 ms) with room to spare: still there, and a tap on it writes the name.
            await teacher.WaitForTimeoutAsync(600);
            await Assertions.Expect(option).ToBeVisibleAsync(new() { Timeout = 100 });
            await option.ClickAsync(new() { Timeout = 2_000 });
        });
        Assert.Equal($"@{student.FirstName} {student.LastName} ", await teacher.InputValueAsync("#text"));
        await Assertions.Expect(teacher.Locator("#mention-list")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_at_list_closes_when_the_focus_leaves_the_text_box()
    {
        using var pupil = await env.SignedInAsync("student"); // her first sign-in puts her into her class's chats
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var student = env.User("student");

        await ComposerProbe.WatchAsync(teacher);
        await teacher.Locator("#text").PressSequentiallyAsync("@" + student.LastName[..3]);
        await ComposerProbe.ExplainAsync(teacher, () =>
            Assertions.Expect(teacher.Locator("#mention-list [role=option]", new() { HasText = student.LastName })).ToBeVisibleAsync());
        await teacher.Locator("#send").FocusAsync();
        await Assertions.Expect(teacher.Locator("#mention-list")).ToBeHiddenAsync();
        Assert.Equal("@" + student.LastName[..3], await teacher.InputValueAsync("#text"));
    }
}
