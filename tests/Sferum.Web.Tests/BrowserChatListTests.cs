using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The chat list on a pupil's phone, live: a teacher's new message raises the class chat's badge and shows its first
/// words without a reload; during the school's quiet hours the same kind of message raises nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserChatListTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_new_message_raises_the_badge_live_but_not_for_a_pupil_during_quiet_hours()
    {
        using var admin = await env.SignedInAsync("admin");
        var school = await QuietHours.DemoSchoolAsync(admin);
        var now = QuietHours.MoscowNow;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        try
        {
            await QuietHours.SetAsync(admin, school, now.AddHours(3), now.AddHours(4)); // well away from now
            var pupil = await Browsers.SignInAsync(browser, env, "student", phone: true);
            await pupil.WaitForSelectorAsync("#chat-list[data-live='true']", new() { Timeout = 15_000 });
            var link = pupil.Locator("#chat-list a", new() { HasText = "5А класс" });
            var chatId = Guid.Parse((await link.GetAttributeAsync("data-chat-id"))!);
            var before = await link.Locator(".unread").CountAsync() > 0 ? int.Parse(await link.Locator(".unread").InnerTextAsync()) : 0;
            await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
            var tag = Guid.NewGuid().ToString("N")[..6];

            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), $"Днём {tag}", null);
            await Assertions.Expect(link.Locator(".unread")).ToHaveTextAsync($"{before + 1}", new() { Timeout = 10_000 });
            await Assertions.Expect(link.Locator(".chat-last")).ToContainTextAsync($"Днём {tag}");

            // Quiet hours: the next message raises nothing. The one after them does, by one: events come in order, so
            // by then the quiet one was read and passed over.
            await QuietHours.SetAsync(admin, school, now.AddHours(-1), now.AddHours(1));
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), $"Ночью {tag}", null);
            await QuietHours.SetAsync(admin, school, now.AddHours(3), now.AddHours(4));
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), $"Утром {tag}", null);
            await Assertions.Expect(link.Locator(".chat-last")).ToContainTextAsync($"Утром {tag}", new() { Timeout = 10_000 });
            Assert.Equal($"{before + 2}", await link.Locator(".unread").InnerTextAsync());
        }
        finally
        {
            await QuietHours.RestoreAsync(admin, school);
        }
    }
}
