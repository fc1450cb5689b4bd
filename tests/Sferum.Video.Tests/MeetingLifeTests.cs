using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sferum.Video.Tests.Support;

namespace Sferum.Video.Tests;

/// <summary>
/// The rest of a meeting's life on the real Janus: a parent waiting in the lobby of a parent meeting, a recorded lesson
/// filed in the chat's materials as one playable file, and a Janus restart in the middle of a lesson.
/// </summary>
[Collection(VideoCollection.Name)]
public sealed partial class MeetingLifeTests(VideoEnvironment env)
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_parent_waits_in_the_lobby_the_host_sees_whose_parent_she_is_and_admits_her()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        var parent = await MeetingBrowsers.SignInAsync(browser, env, "parent");
        await MeetingBrowsers.OpenChatAsync(teacher, "5А: родители");
        await MeetingBrowsers.OpenChatAsync(parent, "5А: родители");
        var meetingId = await MeetingBrowsers.StartMeetingAsync(teacher, "Собрание о поездке");

        await parent.Locator(".meeting-card a.meeting-join").ClickAsync(new() { Timeout = 15_000 });
        await parent.WaitForURLAsync($"**/Meetings/{meetingId}");
        await parent.ClickAsync("#join");
        await Assertions.Expect(parent.Locator("#lobby")).ToBeVisibleAsync();
        // Nothing of the room reaches her while she waits: the proxy refuses her a Janus session.
        Assert.Empty(await parent.EvaluateAsync<int[]>("() => window.sferumMeeting.peers.map(() => 1)"));

        var student = env.User("student");
        var waiting = teacher.Locator("#participants li", new() { HasText = env.User("parent").LastName });
        await Assertions.Expect(waiting).ToContainTextAsync($"родитель: {student.LastName} {student.FirstName}", new() { Timeout = 10_000 });
        await waiting.Locator("button", new() { HasText = "Впустить" }).ClickAsync();

        await Assertions.Expect(parent.Locator("#lobby")).ToBeHiddenAsync(new() { Timeout = 10_000 });
        var proof = await MeetingBrowsers.WaitForVideoAsync(parent, MediaTimeout);
        Assert.True(proof.FramesDecoded > 0);
    }

    [Fact]
    public async Task A_recorded_lesson_is_announced_to_everyone_and_lands_in_the_materials_as_one_file_with_video_and_audio()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        var pupil = await MeetingBrowsers.SignInAsync(browser, env, "student");
        await MeetingBrowsers.OpenChatAsync(teacher, "5А класс");
        var title = $"Запись {Guid.NewGuid():N}"[..15];
        var meetingId = await MeetingBrowsers.StartMeetingAsync(teacher, title);
        await pupil.GotoAsync($"{env.Stack.WebUrl}/Meetings/{meetingId}");
        await pupil.ClickAsync("#join");
        await MeetingBrowsers.WaitForVideoAsync(pupil, MediaTimeout);

        await teacher.ClickAsync("#record");
        var started = Stopwatch.StartNew();
        // Everyone inside sees that the lesson is being recorded.
        await Assertions.Expect(pupil.Locator("#recording-indicator")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Task.Delay(TimeSpan.FromSeconds(10) - started.Elapsed);
        MeetingBrowsers.AcceptNextDialog(teacher);
        await teacher.ClickAsync("#end");
        await Assertions.Expect(pupil.Locator("#meeting-status")).ToContainTextAsync("завершена", new() { Timeout = 10_000 });

        // The recording is filed in the chat's materials by the host; members download it (with range requests).
        using var member = await env.SignedInAsync("student");
        var (_, classChat, _) = await Web.Tests.Support.ChatApi.FiveAAsync(member);
        string? link = null;
        for (var i = 0; i < 60 && link is null; i++)
        {
            var materials = await (await member.GetAsync($"/Chats/{classChat}/Materials")).Content.ReadAsStringAsync();
            link = RecordingLink().Matches(materials).Select(m => m.Groups[1].Value).FirstOrDefault(l => materials.Contains(title));
            if (link is null)
            {
                await Task.Delay(1000);
            }
        }

        Assert.NotNull(link);
        using var range = new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(link));
        range.Headers.Range = new(0, 99);
        var partial = await member.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);

        var file = Path.Combine(Path.GetTempPath(), $"recording-{Guid.NewGuid():N}.webm");
        await File.WriteAllBytesAsync(file, await (await member.GetAsync(WebUtility.HtmlDecode(link))).Content.ReadAsByteArrayAsync());
        try
        {
            var probe = await ProbeAsync(file);
            Assert.Contains("codec_type=video", probe);
            Assert.Contains("codec_type=audio", probe);
            var seconds = double.Parse(Regex.Match(probe, @"duration=([\d.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 7, 14);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task After_Janus_restarts_in_a_live_lesson_the_room_is_created_again_and_everyone_can_rejoin()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        var pupil = await MeetingBrowsers.SignInAsync(browser, env, "student");
        await MeetingBrowsers.OpenChatAsync(teacher, "5А класс");
        var meetingId = await MeetingBrowsers.StartMeetingAsync(teacher, "Урок до перезапуска");
        await pupil.GotoAsync($"{env.Stack.WebUrl}/Meetings/{meetingId}");
        await pupil.ClickAsync("#join");
        await MeetingBrowsers.WaitForVideoAsync(pupil, MediaTimeout);

        await env.Stack.RestartJanusAsync();

        foreach (var page in new[] { teacher, pupil })
        {
            // Each page noticed that its Janus session is gone and offers to connect again.
            await Assertions.Expect(page.Locator("#join")).ToHaveTextAsync("Подключиться снова", new() { Timeout = 45_000 });
        }

        // The meeting re-creates its room within its reconciliation period; joining may race it for a moment.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await teacher.ClickAsync("#join");
        await Assertions.Expect(teacher.Locator("#leave")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await pupil.ClickAsync("#join");
        var proof = await MeetingBrowsers.WaitForVideoAsync(pupil, MediaTimeout);
        Assert.True(proof.FramesDecoded > 0);
    }

    [Fact]
    public async Task While_Janus_is_down_starting_a_lesson_says_so_and_works_once_it_is_back()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var (_, classChat, _) = await Web.Tests.Support.ChatApi.FiveAAsync(teacher);
        var clientId = Guid.NewGuid().ToString();
        env.Stack.Janus!.Process.Kill();
        await env.Stack.Janus.Process.WaitForExitAsync();
        try
        {
            var refused = await Web.Tests.Support.ChatApi.PostAsync(teacher, classChat, "/meetings", new { clientId, kind = "Lesson", title = "Урок" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Видеосервер сейчас не отвечает", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            await env.Stack.RestartJanusAsync();
        }

        // The page retries with the same client id: the same meeting goes live.
        var started = await Web.Tests.Support.ChatApi.PostAsync(teacher, classChat, "/meetings", new { clientId, kind = "Lesson", title = "Урок" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Contains("\"state\":\"Live\"", await started.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_recording_that_cannot_be_made_is_retried_and_then_reported_to_the_host_and_to_nobody_else()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var (_, classChat, _) = await Web.Tests.Support.ChatApi.FiveAAsync(teacher);
        var started = await Web.Tests.Support.ChatApi.PostAsync(teacher, classChat, "/meetings",
            new { clientId = Guid.NewGuid().ToString(), kind = "Lesson", title = "Запись без камеры", record = true });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var meetingId = System.Text.Json.JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("meetingId").GetString();

        // Nobody ever turns a camera on, so there is nothing of the host to record; the job fails each of its attempts.
        Assert.Equal(HttpStatusCode.OK, (await Web.Tests.Support.ChatApi.SendAsync(teacher, HttpMethod.Post, $"/api/meetings/{meetingId}/end")).StatusCode);
        System.Text.Json.JsonElement view = default;
        for (var i = 0; i < 60; i++)
        {
            view = System.Text.Json.JsonDocument.Parse(await (await teacher.GetAsync($"/api/meetings/{meetingId}")).Content.ReadAsStringAsync()).RootElement;
            if (view.GetProperty("recordingStatus").GetString() is "Failed" or "Ready")
            {
                break;
            }

            await Task.Delay(500);
        }

        Assert.Equal("Failed", view.GetProperty("recordingStatus").GetString());
        Assert.Contains("нет видео организатора", view.GetProperty("recordingProblem").GetString());

        using var pupil = await env.SignedInAsync("student");
        var theirs = System.Text.Json.JsonDocument.Parse(await (await pupil.GetAsync($"/api/meetings/{meetingId}")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Failed", theirs.GetProperty("recordingStatus").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, theirs.GetProperty("recordingProblem").ValueKind);
    }

    private static async Task<string> ProbeAsync(string file)
    {
        var start = new ProcessStartInfo("/usr/bin/ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-show_entries", "stream=codec_type:format=duration", "-of", "default=nw=1", file })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output;
    }

    [GeneratedRegex("href=\"(/api/chats/[^\"]+/files/\\d+)\">[^<]*\\.webm<")]
    private static partial Regex RecordingLink();
}
