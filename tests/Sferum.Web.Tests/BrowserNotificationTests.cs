using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Notifications in two real browsers: a teacher mentions a pupil through the composer's @ list; the pupil's badge
/// moves live, the centre lists it with a link to the message, and — with her permission, given on the centre's button
/// and never asked for on load — the device shows a system notification while her tab is hidden.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserNotificationTests(WebTestEnvironment env)
{
    // Records what the page does with the Notification API (the real one still runs underneath).
    private const string RecordNotifications = """
        (() => {
          const Real = window.Notification;
          if (!Real) return;
          window.__notes = [];
          window.__asked = 0;
          class Recorded extends Real {
            constructor(title, options) {
              super(title, options);
              window.__notes.push({ title, body: options && options.body, hidden: document.visibilityState === "hidden" });
            }
          }
          Recorded.requestPermission = (...args) => { window.__asked++; return Real.requestPermission(...args); };
          Object.defineProperty(Recorded, "permission", { get: () => Real.permission });
          window.Notification = Recorded;
        })();
        """;

    [Fact]
    public async Task A_teacher_mentions_a_pupil_through_autocomplete_and_her_badge_centre_and_device_show_it()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var teacher = await Browsers.OpenClassChatAsync(browser, env, "teacher", phone: true);
        var pupil = await Browsers.SignInAsync(browser, env, "student", phone: true);
        await pupil.Context.AddInitScriptAsync(RecordNotifications);

        // Her centre: the device is not asked on load; the button asks, once she taps it.
        await pupil.GotoAsync($"{env.Stack.WebUrl}/Notifications");
        await Assertions.Expect(pupil.Locator("#device-permission")).ToBeVisibleAsync();
        Assert.Equal(0, await pupil.EvaluateAsync<int>("window.__asked"));
        await pupil.Context.GrantPermissionsAsync(["notifications"], new() { Origin = env.Stack.WebUrl });
        await pupil.ClickAsync("#device-permission");
        await Assertions.Expect(pupil.Locator("#device-status")).ToContainTextAsync("включены");
        Assert.Equal(1, await pupil.EvaluateAsync<int>("window.__asked"));
        await pupil.WaitForSelectorAsync("body[data-notify-live='true']", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        var before = await UnreadAsync(pupil);

        // Her browser's window minimised (through the DevTools protocol): the tab is hidden now — the browser says so,
        // nothing in the page is faked.
        var cdp = await pupil.Context.NewCDPSessionAsync(pupil);
        var window = (await cdp.SendAsync("Browser.getWindowForTarget"))!.Value.GetProperty("windowId").GetInt32();
        await cdp.SendAsync("Browser.setWindowBounds", new Dictionary<string, object> { ["windowId"] = window, ["bounds"] = new { windowState = "minimized" } });
        await pupil.WaitForFunctionAsync("document.visibilityState === 'hidden'", null, new() { Timeout = 10_000 });

        var student = env.User("student");
        var tag = Guid.NewGuid().ToString("N")[..6];
        await teacher.FillAsync("#text", "");
        await teacher.Locator("#text").PressSequentiallyAsync("@" + student.LastName[..3]);
        var option = teacher.Locator("#mention-list [role=option]", new() { HasText = student.LastName });
        await option.First.ClickAsync();
        await teacher.Locator("#text").PressSequentiallyAsync($"принеси дневник {tag}");
        Assert.Matches($"^@\\S+ {Regex.Escape(student.LastName)} принеси дневник {tag}$", await teacher.InputValueAsync("#text"));
        await teacher.ClickAsync("#send");
        var sent = teacher.Locator("#messages li[data-seq]", new() { HasText = $"принеси дневник {tag}" });
        await Assertions.Expect(sent).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        var seq = await sent.GetAttributeAsync("data-seq");

        // Live: the badge counts it, the centre shows it with a link to the message, and the hidden tab's device
        // notification was made.
        await pupil.WaitForFunctionAsync($"Number(document.getElementById('notifications-link').dataset.unread) === {before + 1}", null, new() { Timeout = 10_000 });
        var item = pupil.Locator("#notifications li", new() { HasText = $"принеси дневник {tag}" });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        var chatId = Regex.Match(teacher.Url, "/Chats/([0-9a-f-]{36})").Groups[1].Value;
        Assert.Equal($"/Chats/{chatId}#seq-{seq}", await item.Locator("a").GetAttributeAsync("href"));
        await Assertions.Expect(item).ToContainTextAsync("Вас упомянули");
        var notes = await pupil.EvaluateAsync<Note[]>("window.__notes");
        var note = Assert.Single(notes, n => n.Body?.Contains(tag, StringComparison.Ordinal) == true);
        Assert.True(note.Hidden);
        Assert.Contains(env.User("teacher").LastName, note.Title);

        // After a reload the centre still has it (it is stored), and the link opens the message itself.
        await cdp.SendAsync("Browser.setWindowBounds", new Dictionary<string, object> { ["windowId"] = window, ["bounds"] = new { windowState = "normal" } });
        await pupil.ReloadAsync();
        Assert.Equal(before + 1, await UnreadAsync(pupil));
        await pupil.Locator("#notifications li a", new() { HasText = $"принеси дневник {tag}" }).ClickAsync();
        await pupil.WaitForSelectorAsync($"#messages li#seq-{seq}.linked", new() { Timeout = 15_000 });
        // Opening it marked it read.
        await pupil.GotoAsync($"{env.Stack.WebUrl}/Notifications");
        Assert.Equal(before, await UnreadAsync(pupil));
        Assert.Equal(0, await pupil.EvaluateAsync<int>("window.__asked"));
    }

    [Fact]
    public async Task A_chat_is_muted_from_its_page_for_an_hour_and_unmuted_from_the_settings()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var parent = await Browsers.SignInAsync(browser, env, "parent", phone: true);
        await parent.ClickAsync("#chat-list a:has-text('5А: родители')");
        await parent.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        var chatUrl = parent.Url;
        await parent.SelectOptionAsync("#mute-duration", "hour");
        await parent.ClickAsync("#mute");
        await Assertions.Expect(parent.Locator("#muted-note")).ToContainTextAsync("Без уведомлений до");
        await parent.GotoAsync($"{env.Stack.WebUrl}/Notifications/Settings");
        await Assertions.Expect(parent.Locator("#mutes li", new() { HasText = "5А: родители" })).ToHaveCountAsync(1);
        await parent.Locator("#mutes li", new() { HasText = "5А: родители" }).Locator("button").ClickAsync();
        await Assertions.Expect(parent.Locator("#no-mutes")).ToBeVisibleAsync();
        await parent.GotoAsync(chatUrl);
        await Assertions.Expect(parent.Locator("#mute")).ToBeVisibleAsync();
    }

    private static async Task<int> UnreadAsync(IPage page) =>
        int.Parse(await page.GetAttributeAsync("#notifications-link", "data-unread") ?? "0");

    private sealed record Note(string Title, string? Body, bool Hidden);
}
