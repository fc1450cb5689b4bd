using Microsoft.Playwright;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The main flows with the keyboard alone (Tab, Shift+Tab, Enter, Space; no mouse, no programmatic focus): open a
/// chat and read it, write, ask with a poll and vote, announce and acknowledge, import a roster. Joining a meeting is
/// in the video tests (MeetingAccessibilityTests), where a video server runs.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class KeyboardOnlyTests(WebTestEnvironment env)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task Chat_flows_write_vote_and_acknowledge_work_with_the_keyboard_alone()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.SignInAsync(browser, env, "teacher");
        var pupil = await Browsers.SignInAsync(browser, env, "student");
        foreach (var page in new[] { teacher, pupil })
        {
            await KeyboardOnly.TabToAsync(page, "#chat-list a", "5А класс");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        }

        // Write: the skip link takes the teacher past the history into the composer.
        var text = $"С клавиатуры {Guid.NewGuid():N}"[..24];
        await KeyboardOnly.TabToAsync(teacher, "#skip-to-composer");
        await teacher.Keyboard.PressAsync("Enter");
        Assert.Equal("text", await KeyboardOnly.FocusedAsync(teacher));
        await teacher.Keyboard.TypeAsync(text);
        await KeyboardOnly.TabToAsync(teacher, "#send");
        await teacher.Keyboard.PressAsync("Enter");
        await Assertions.Expect(pupil.Locator("#messages li[data-seq]", new() { HasText = text })).ToBeVisibleAsync(Live);

        // Ask: a poll from the composer's form.
        var question = $"Поход {Guid.NewGuid():N}"[..16];
        await KeyboardOnly.TabToAsync(teacher, "#poll-toggle");
        await teacher.Keyboard.PressAsync("Enter");
        await KeyboardOnly.TabToAsync(teacher, "#poll-form input[name=question]");
        await teacher.Keyboard.TypeAsync(question);
        await KeyboardOnly.TabToAsync(teacher, "#poll-form textarea[name=options]");
        await teacher.Keyboard.TypeAsync("Поеду\nНе поеду");
        await KeyboardOnly.TabToAsync(teacher, "#poll-form button[type=submit]");
        await teacher.Keyboard.PressAsync("Enter");

        // Vote: from the composer back into the newest message, the poll; Space picks an answer, Enter sends it.
        var card = pupil.Locator("#messages li[data-seq]", new() { HasText = question }).Locator(".poll");
        await Assertions.Expect(card.Locator("input[type=radio]")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await KeyboardOnly.TabToAsync(pupil, "#skip-to-composer");
        await pupil.Keyboard.PressAsync("Enter");
        await KeyboardOnly.TabToAsync(pupil, "input[type=radio]", question, backwards: true, within: "#messages li[data-seq]");
        await pupil.Keyboard.PressAsync("Space");
        await KeyboardOnly.TabToAsync(pupil, "button[type=submit]", question, within: "#messages li[data-seq]");
        await pupil.Keyboard.PressAsync("Enter");
        await Assertions.Expect(card).ToContainTextAsync("Проголосовали: 1", new() { Timeout = 10_000 });

        // Announce and acknowledge.
        var notice = $"Форма парадная {Guid.NewGuid():N}"[..26];
        await KeyboardOnly.TabToAsync(teacher, "#requires-ack");
        await teacher.Keyboard.PressAsync("Space");
        Assert.True(await teacher.IsCheckedAsync("#requires-ack"));
        await KeyboardOnly.TabToAsync(teacher, "#text", backwards: true);
        await teacher.Keyboard.TypeAsync(notice);
        await KeyboardOnly.TabToAsync(teacher, "#send");
        await teacher.Keyboard.PressAsync("Enter");
        var mine = pupil.Locator("#messages li[data-seq]", new() { HasText = notice });
        await Assertions.Expect(mine.Locator("button.ack")).ToBeVisibleAsync(Live);
        await KeyboardOnly.TabToAsync(pupil, "#skip-to-composer");
        await pupil.Keyboard.PressAsync("Enter");
        await KeyboardOnly.TabToAsync(pupil, "button.ack", notice, backwards: true, within: "#messages li[data-seq]");
        await pupil.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mine.Locator("button.ack")).ToHaveTextAsync("✓ Вы подтвердили");
    }

    [Fact]
    public async Task A_school_admin_imports_a_roster_with_the_keyboard_alone()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "teacher");
        await page.GotoAsync($"{env.Stack.WebUrl}/Schools/{schoolId}");

        await KeyboardOnly.TabToAsync(page, "#new-import");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Imports/New");
        await KeyboardOnly.TabToAsync(page, "#files");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(Directory.GetFiles(Path.Combine(SharedSamples.SchoolSeven, "journal-utf8")));
        await KeyboardOnly.TabToAsync(page, "#upload");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("ждёт применения", new() { Timeout = 30_000 });

        await KeyboardOnly.TabToAsync(page, "#apply");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Применено", new() { Timeout = 30_000 });
    }
}
