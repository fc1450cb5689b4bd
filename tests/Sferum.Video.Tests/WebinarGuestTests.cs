using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sferum.Video.Tests.Support;
using Sferum.Web.Tests.Support;

namespace Sferum.Video.Tests;

/// <summary>
/// A teacher's webinar in a community of the school, with a colleague from another school invited by a personal link:
/// he signs in with his own verified account, waits in the lobby, is admitted and sees the webinar — and nothing of the
/// school; the link is his alone once used.
/// </summary>
[Collection(VideoCollection.Name)]
public sealed class WebinarGuestTests(VideoEnvironment env)
{
    [Fact]
    public async Task A_guest_from_another_school_joins_through_his_personal_link_and_the_lobby_and_sees_only_the_webinar()
    {
        using var teacherApi = await env.SignedInAsync("teacher");
        var (classId, _, _) = await ChatApi.FiveAAsync(teacherApi);
        var school = await ChatApi.SchoolOfAsync(teacherApi, classId);
        var community = (await (await ChatApi.SendAsync(teacherApi, HttpMethod.Post, $"/api/schools/{school}/communities/",
            new { title = $"Методобъединение {Guid.NewGuid():N}"[..24], description = "", openGrades = Array.Empty<int>(), openToParents = false }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("chatId").GetGuid();
        var started = await ChatApi.PostAsync(teacherApi, community, "/meetings", new { clientId = Guid.NewGuid().ToString(), kind = "Webinar", title = "Новые ФГОС" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var meetingId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("meetingId").GetGuid();

        // Links are only for webinars, for a named guest, for 1 hour to 7 days.
        Assert.Equal(HttpStatusCode.BadRequest, (await ChatApi.SendAsync(teacherApi, HttpMethod.Post, $"/api/meetings/{meetingId}/guests", new { name = "Пётр Кузнецов", hours = 500 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ChatApi.SendAsync(teacherApi, HttpMethod.Post, $"/api/meetings/{meetingId}/guests", new { name = " ", hours = 2 })).StatusCode);
        var invited = await ChatApi.SendAsync(teacherApi, HttpMethod.Post, $"/api/meetings/{meetingId}/guests", new { name = "Пётр Кузнецов", hours = 2 });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var link = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        await teacher.GotoAsync($"{env.Stack.WebUrl}/Meetings/{meetingId}");
        await teacher.ClickAsync("#join");

        // The colleague ("relative": a verified account in no school of this deployment) follows the link.
        var guest = await MeetingBrowsers.SignInAsync(browser, env, "relative");
        await guest.GotoAsync($"{env.Stack.WebUrl}{link}");
        await guest.WaitForURLAsync($"**/Meetings/{meetingId}");
        Assert.Equal(0, await guest.Locator("a", new() { HasText = "К чату" }).CountAsync());
        await guest.ClickAsync("#join");
        await Assertions.Expect(guest.Locator("#lobby")).ToBeVisibleAsync();

        var waiting = teacher.Locator("#participants li", new() { HasText = "гость" });
        await Assertions.Expect(waiting).ToContainTextAsync("«Пётр Кузнецов»", new() { Timeout = 10_000 });
        await Assertions.Expect(waiting).ToContainTextAsync(env.User("relative").LastName);
        await waiting.Locator("button", new() { HasText = "Впустить" }).ClickAsync();
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(guest, TimeSpan.FromSeconds(30))).FramesDecoded > 0);

        // He sees the webinar and nothing of the school: not the community's chat, not the school's pages.
        using var guestApi = await env.SignedInAsync("relative");
        Assert.Equal(HttpStatusCode.OK, (await guestApi.GetAsync($"/api/meetings/{meetingId}")).StatusCode);
        Assert.Contains((await guestApi.GetAsync($"/Chats/{community}")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.Contains((await guestApi.GetAsync($"/Classes/{classId}")).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });

        // The link is his now: anyone else who gets hold of it, or guesses one, is refused.
        using var other = await env.SignedInAsync("parent");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/meetings/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/Meetings/{meetingId}/guest/{new string('0', 48)}")).StatusCode);
    }
}
