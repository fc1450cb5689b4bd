using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sferum.Video.Tests.Support;
using Sferum.Web.Tests.Support;

namespace Sferum.Video.Tests;

/// <summary>
/// A lesson in 5А's class chat on a real Janus, with real browsers publishing fake camera and microphone: the card
/// arrives live, pupils receive the teacher's video inside the test's own network, a removed pupil is cut off, and
/// nobody outside the class reaches the room by any route (Sferum's API, its signalling proxy, or Janus directly).
/// </summary>
[Collection(VideoCollection.Name)]
public sealed class LessonTests(VideoEnvironment env)
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_pupils_see_the_card_live_join_and_receive_the_teachers_video_and_a_removed_pupil_is_cut_off()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        var pupils = new[] { await MeetingBrowsers.SignInAsync(browser, env, "student"), await MeetingBrowsers.SignInAsync(browser, env, "pupil2") };
        await MeetingBrowsers.OpenChatAsync(teacher, "5А класс");
        foreach (var pupil in pupils)
        {
            await MeetingBrowsers.OpenChatAsync(pupil, "5А класс");
        }

        var title = $"Урок {Guid.NewGuid():N}"[..14];
        var meetingId = await MeetingBrowsers.StartMeetingAsync(teacher, title);

        foreach (var pupil in pupils)
        {
            // The card came live into the open chat (nobody reloaded): its button leads into the meeting.
            var card = pupil.Locator(".meeting-card", new() { HasText = title });
            await card.Locator("a.meeting-join").ClickAsync(new() { Timeout = 15_000 });
            await pupil.WaitForURLAsync($"**/Meetings/{meetingId}");
            await pupil.ClickAsync("#join");
        }

        foreach (var pupil in pupils)
        {
            var proof = await MeetingBrowsers.WaitForVideoAsync(pupil, MediaTimeout);
            Assert.True(proof.FramesDecoded > 0);
            // Media flowed inside the namespace: the browser on the namespace's own address, Janus on a port of its
            // media range (20000-20999, LocalJanus), the only place Janus listens being that same address.
            Assert.Equal(VideoEnvironment.MediaAddress, proof.LocalAddress);
            Assert.InRange(proof.RemotePort, 20000, 20999);
        }

        // The meeting's chat is on the meeting page: the class chat itself, live.
        var said = $"Вопрос {Guid.NewGuid():N}"[..16];
        var teachersChat = teacher.FrameLocator("#meeting-chat");
        await teachersChat.Locator("#chat[data-ready='true']").WaitForAsync(new() { Timeout = 15_000 });
        await teachersChat.Locator("#text").FillAsync(said);
        await teachersChat.Locator("#send").ClickAsync();
        await Assertions.Expect(pupils[1].FrameLocator("#meeting-chat").Locator("#messages")).ToContainTextAsync(said, new() { Timeout = 10_000 });

        // The start reached every member's notification centre but the host's: a pupil's centre leads into the meeting.
        var centre = await pupils[1].Context.NewPageAsync();
        await centre.GotoAsync($"{env.Stack.WebUrl}/Notifications");
        var started = centre.Locator("li.notification[data-kind='MeetingStarted']", new() { HasText = title });
        await Assertions.Expect(started).ToHaveCountAsync(1);
        Assert.EndsWith($"/Meetings/{meetingId}", await started.Locator("a.notification-link").GetAttributeAsync("href"));
        await centre.CloseAsync();
        var hostCentre = await teacher.Context.NewPageAsync();
        await hostCentre.GotoAsync($"{env.Stack.WebUrl}/Notifications");
        await Assertions.Expect(hostCentre.Locator("#notifications")).ToBeAttachedAsync();
        await Assertions.Expect(hostCentre.Locator("li.notification", new() { HasText = title })).ToHaveCountAsync(0);
        await hostCentre.CloseAsync();

        // A pupil who reloads the page is back at once: her new connection replaces the old one, which would otherwise
        // hold her place in the room until Janus timed it out.
        var sockets = new System.Collections.Concurrent.ConcurrentQueue<string>();
        pupils[0].WebSocket += (_, socket) => sockets.Enqueue(socket.Url);
        await pupils[0].ReloadAsync();
        await pupils[0].ClickAsync("#join");
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(pupils[0], MediaTimeout)).FramesDecoded > 0);

        // Her badge is live over the meeting chat's own connection: the teacher mentions her from the meeting's chat
        // (the @ list in the frame) and the badge of her meeting page counts it; her page has one chat hub connection.
        await pupils[0].WaitForSelectorAsync("body[data-notify-live='true']", new() { State = WaitForSelectorState.Attached, Timeout = 15_000 });
        var unread = int.Parse(await pupils[0].GetAttributeAsync("#notifications-link", "data-unread") ?? "0");
        var student = env.User("student");
        await teachersChat.Locator("#text").PressSequentiallyAsync("@" + student.LastName[..3]);
        await teachersChat.Locator("#mention-list [role=option]", new() { HasText = student.LastName }).First.ClickAsync();
        await teachersChat.Locator("#text").PressSequentiallyAsync("открой учебник");
        await teachersChat.Locator("#send").ClickAsync();
        await pupils[0].WaitForFunctionAsync($"Number(document.getElementById('notifications-link').dataset.unread) === {unread + 1}", null, new() { Timeout = 10_000 });
        Assert.Single(sockets, url => url.Contains("/hubs/chat", StringComparison.Ordinal));

        // Pupils listen until the teacher gives them the floor: no camera button, a hand to raise.
        await Assertions.Expect(pupils[0].Locator("#publish")).ToBeHiddenAsync();
        await pupils[0].ClickAsync("#hand");
        var asking = teacher.Locator("#participants li", new() { HasText = student.LastName });
        await Assertions.Expect(asking).ToContainTextAsync("✋", new() { Timeout = 10_000 });

        // The teacher gives her the floor: she turns on her camera and the teacher sees her.
        await asking.Locator("button", new() { HasText = "Дать слово" }).ClickAsync();
        await pupils[0].ClickAsync("#publish", new() { Timeout = 10_000 });
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(teacher, MediaTimeout)).FramesDecoded > 0);
        // And takes it back: her page stops publishing by itself.
        await asking.Locator("button", new() { HasText = "Забрать слово" }).ClickAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(pupils[0].Locator("#meeting-status")).ToContainTextAsync("забрал у вас слово", new() { Timeout = 10_000 });

        // The teacher removes the second pupil from the participant list: her page is cut off within 5 s.
        var pupil2 = env.User("pupil2");
        var row = teacher.Locator("#participants li", new() { HasText = pupil2.LastName });
        await row.Locator("button", new() { HasText = "Удалить" }).ClickAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(pupils[1].Locator("#meeting-status")).ToContainTextAsync("удалил", new() { Timeout = 5_000 });
        using var removed = await env.SignedInAsync("pupil2");
        Assert.Equal(HttpStatusCode.Forbidden, (await removed.GetAsync($"/api/meetings/{meetingId}")).StatusCode);
        var rejoin = await ChatApi.SendAsync(removed, HttpMethod.Post, $"/video/{meetingId}/janus", new { janus = "create", transaction = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, rejoin.StatusCode);

        // The first pupil still has the teacher's picture.
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(pupils[0], MediaTimeout)).FramesDecoded > 0);

        // The attendance has each stay as the room showed it (sampled every 2 s, so a quick reload is one stay): the
        // removed pupil's stay closed when she was removed, the others still inside.
        using var host = await env.SignedInAsync("teacher");
        var attendance = await (await host.GetAsync($"/api/meetings/{meetingId}/attendance.csv")).Content.ReadAsStringAsync();
        var rows = attendance.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(rows, r => r.Contains(student.LastName) && r.Contains("сейчас во встрече"));
        Assert.Contains(rows, r => r.Contains(pupil2.LastName) && !r.Contains("сейчас во встрече"));
        Assert.Contains(rows, r => r.Contains(env.User("teacher").LastName) && r.Contains("сейчас во встрече"));
        Assert.Equal(HttpStatusCode.Forbidden, (await removed.GetAsync($"/api/meetings/{meetingId}/attendance.csv")).StatusCode);
    }

    [Theory]
    [InlineData("guest")]   // a simplified account in no class
    [InlineData("parent")]  // a parent of 5А: not in the pupils' class chat
    public async Task Someone_outside_the_class_chat_is_refused_by_the_api_the_page_and_the_signalling_proxy(string login)
    {
        var meetingId = await StartLessonAsync();
        using var outsider = await env.SignedInAsync(login);

        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync($"/api/meetings/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Meetings/{meetingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ChatApi.SendAsync(outsider, HttpMethod.Post, $"/api/meetings/{meetingId}/enter")).StatusCode);
        var proxied = await ChatApi.SendAsync(outsider, HttpMethod.Post, $"/video/{meetingId}/janus", new { janus = "create", transaction = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, proxied.StatusCode);
        // A meeting id that does not exist says no more than a real one.
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/meetings/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var meetingId = await StartLessonAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(env.Stack.WebUrl) };
        var page = await anonymous.GetAsync($"/Meetings/{meetingId}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var proxy = await anonymous.PostAsJsonAsync($"/video/{meetingId}/janus", new { janus = "create" });
        Assert.NotEqual(HttpStatusCode.OK, proxy.StatusCode);
    }

    [Fact]
    public async Task Janus_itself_refuses_a_client_without_the_secret_a_guessed_room_and_a_wrong_pin()
    {
        await StartLessonAsync();
        var janus = env.Stack.Janus!;
        using var http = new HttpClient();

        // Without Janus's api_secret (which only Sferum's proxy has) not even a session opens.
        var anonymous = await JanusAsync(http, janus.HttpUrl, new { janus = "create", transaction = "a" });
        Assert.Equal("error", anonymous.GetProperty("janus").GetString());
        Assert.Equal(403, anonymous.GetProperty("error").GetProperty("code").GetInt32());

        // Even with the secret: a guessed room does not exist, and the real one (found with the admin key) wants its pin.
        var session = (await JanusAsync(http, janus.HttpUrl, new { janus = "create", transaction = "b", apisecret = janus.ApiSecret }))
            .GetProperty("data").GetProperty("id").GetInt64();
        var handle = (await JanusAsync(http, $"{janus.HttpUrl}/{session}",
            new { janus = "attach", plugin = "janus.plugin.videoroom", transaction = "c", apisecret = janus.ApiSecret }))
            .GetProperty("data").GetProperty("id").GetInt64();
        var rooms = await JanusAsync(http, $"{janus.HttpUrl}/{session}/{handle}",
            new { janus = "message", transaction = "d", apisecret = janus.ApiSecret, body = new { request = "list", admin_key = janus.RoomAdminKey } });
        var room = rooms.GetProperty("plugindata").GetProperty("data").GetProperty("list").EnumerateArray().First().GetProperty("room").GetString();

        foreach (var (guess, pin, expected) in new[] { ("1234", "", 426), (room!, "0000", 433), (room!, "", 433) })
        {
            var join = await JanusAsync(http, $"{janus.HttpUrl}/{session}/{handle}", new
            {
                janus = "message", transaction = "e", apisecret = janus.ApiSecret,
                body = new { request = "join", ptype = "subscriber", room = guess, pin, streams = new[] { new { feed = "x" } } },
            });
            var answer = await EventAsync(http, janus, session, "e", join);
            Assert.Equal(expected, answer.GetProperty("error_code").GetInt32());
        }
    }

    /// <summary>A lesson started by the teacher through the API, as the chat page does.</summary>
    private async Task<Guid> StartLessonAsync()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var (_, classChat, _) = await ChatApi.FiveAAsync(teacher);
        var started = await ChatApi.PostAsync(teacher, classChat, "/meetings", new { clientId = Guid.NewGuid().ToString(), kind = "Lesson", title = "Урок" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("meetingId").GetGuid();
    }

    private static async Task<JsonElement> JanusAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The VideoRoom's answer to a request: given at once, or as an event on the session's long poll.</summary>
    private static async Task<JsonElement> EventAsync(HttpClient http, Sferum.Local.LocalJanus janus, long session, string transaction, JsonElement answer)
    {
        if (answer.TryGetProperty("plugindata", out var direct))
        {
            return direct.GetProperty("data");
        }

        for (var i = 0; i < 5; i++)
        {
            var polled = await http.GetFromJsonAsync<JsonElement>($"{janus.HttpUrl}/{session}?maxev=5&apisecret={janus.ApiSecret}");
            foreach (var e in polled.ValueKind == JsonValueKind.Array ? polled.EnumerateArray().ToList() : [polled])
            {
                if (e.TryGetProperty("transaction", out var t) && t.GetString() == transaction && e.TryGetProperty("plugindata", out var data))
                {
                    return data.GetProperty("data");
                }
            }
        }

        throw new TimeoutException("Janus did not answer the join.");
    }
}
