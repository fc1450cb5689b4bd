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
    // Records what the page does with the Notification API (the real one still runs underneath). Headless Chromium keeps
    // every tab "visible" (bringing another tab to the front and minimising the window through the DevTools protocol
    // were both tried), so the test hides the tab the way the page sees it: document.visibilityState and the
    // visibilitychange event, switched by window.__hide(true/false).
    private const string RecordNotifications = """
        (() => {
          let hidden = false;
          Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (hidden ? "hidden" : "visible") });
          Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => hidden });
          window.__hide = (on) => { hidden = on; document.dispatchEvent(new Event("visibilitychange")); };
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
        // The device rings only outside the school's quiet hours (21:00–08:00 by default, Moscow): a window well away
        // from now, so that the test means the same at any hour it runs.
        using var admin = await env.SignedInAsync("admin");
        var school = await QuietHours.DemoSchoolAsync(admin);
        var now = QuietHours.MoscowNow;
        try
        {
            await QuietHours.SetAsync(admin, school, now.AddHours(3), now.AddHours(4));
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

            var student = env.User("student");
            var tag = Guid.NewGuid().ToString("N")[..6];

            // While her tab is in front, a mention moves the badge but the device stays silent (the page shows it already).
            await MentionAsync(teacher, student.LastName, $"видно на экране {tag}");
            await pupil.WaitForFunctionAsync($"Number(document.getElementById('notifications-link').dataset.unread) === {before + 1}", null, new() { Timeout = 10_000 });
            Assert.Empty(await NotesAsync(pupil));
            before++;

            // Her tab hidden now: the next mention also makes a system notification.
            await pupil.EvaluateAsync("window.__hide(true)");
            var seq = await MentionAsync(teacher, student.LastName, $"принеси дневник {tag}");

            // Live: the badge counts it, the centre shows it with a link to the message, and the hidden tab's device
            // notification was made.
            await pupil.WaitForFunctionAsync($"Number(document.getElementById('notifications-link').dataset.unread) === {before + 1}", null, new() { Timeout = 10_000 });
            var item = pupil.Locator("#notifications li", new() { HasText = $"принеси дневник {tag}" });
            await Assertions.Expect(item).ToHaveCountAsync(1);
            var chatId = Regex.Match(teacher.Url, "/Chats/([0-9a-f-]{36})").Groups[1].Value;
            Assert.Equal($"/Chats/{chatId}#seq-{seq}", await item.Locator("a").GetAttributeAsync("href"));
            await Assertions.Expect(item).ToContainTextAsync("Вас упомянули");
            var notes = await NotesAsync(pupil);
            var note = Assert.Single(notes, n => n.Body?.Contains($"принеси дневник {tag}", StringComparison.Ordinal) == true);
            Assert.Single(notes);
            Assert.True(note.Hidden);
            Assert.Contains(env.User("teacher").LastName, note.Title);

            // After a reload the centre still has it (it is stored), and the link opens the message itself.
            await pupil.EvaluateAsync("window.__hide(false)");
            await pupil.ReloadAsync();
            Assert.Equal(before + 1, await UnreadAsync(pupil));
            await pupil.Locator("#notifications li a", new() { HasText = $"принеси дневник {tag}" }).ClickAsync();
            await pupil.WaitForSelectorAsync($"#messages li#seq-{seq}.linked", new() { Timeout = 15_000 });
            // Opening it marked it read.
            await pupil.GotoAsync($"{env.Stack.WebUrl}/Notifications");
            Assert.Equal(before, await UnreadAsync(pupil));
            Assert.Equal(0, await pupil.EvaluateAsync<int>("window.__asked"));
        }
        finally
        {
            await QuietHours.RestoreAsync(admin, school);
        }
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

    /// <summary>Types @ and the start of the surname, picks the person from the list, writes the text and sends; the message's seq.</summary>
    private static async Task<string?> MentionAsync(IPage teacher, string lastName, string text)
    {
        await ComposerProbe.WatchAsync(teacher);
        await teacher.FillAsync("#text", "");
        await teacher.Locator("#text").PressSequentiallyAsync("@" + lastName[..3]);
        var option = teacher.Locator("#mention-list [role=option]", new() { HasText = lastName }).First;
        await ComposerProbe.ExplainAsync(teacher, () => option.ClickAsync(new() { Timeout = 15_000 }));

        await teacher.Locator("#text").PressSequentiallyAsync(text);
        Assert.Matches($"^@\\S+ {Regex.Escape(lastName)} {Regex.Escape(text)}$", await teacher.InputValueAsync("#text"));
        await teacher.ClickAsync("#send");
        var sent = teacher.Locator("#messages li[data-seq]", new() { HasText = text });
        await Assertions.Expect(sent).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        return await sent.GetAttributeAsync("data-seq");
    }

    /// <summary>The system notifications the page made, as the init script recorded them.</summary>
    private static async Task<Note[]> NotesAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<Note[]>(await page.EvaluateAsync<string>("JSON.stringify(window.__notes)"),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

    private static async Task<int> UnreadAsync(IPage page) =>
        int.Parse(await page.GetAttributeAsync("#notifications-link", "data-unread") ?? "0");

    private sealed record Note(string Title, string? Body, bool Hidden);
}
