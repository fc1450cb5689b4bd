using System.Net;
using System.Text;
using Microsoft.Playwright;
using Sferum.Local;
using Sferum.Video.Tests.Support;
using Sferum.Web.Tests.Support;

namespace Sferum.Video.Tests;

/// <summary>
/// The closed space holds for a live meeting: whoever the journal moves out of the class loses the lesson within 5 s
/// (their Janus handle kicked, the API and the signalling proxy refuse them) — the host as well as a pupil.
/// </summary>
[Collection(VideoCollection.Name)]
public sealed class ClassMoveTests(VideoEnvironment env)
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_pupil_and_then_the_teacher_moved_out_of_the_class_by_the_journal_lose_the_live_lesson_within_5_s()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        var staying = await MeetingBrowsers.SignInAsync(browser, env, "student");
        var moving = await MeetingBrowsers.SignInAsync(browser, env, "pupil2");
        await MeetingBrowsers.OpenChatAsync(teacher, "5А класс");
        var meetingId = await MeetingBrowsers.StartMeetingAsync(teacher, "Урок перед переводом");
        foreach (var pupil in new[] { staying, moving })
        {
            await pupil.GotoAsync($"{env.Stack.WebUrl}/Meetings/{meetingId}");
            await pupil.ClickAsync("#join");
            await MeetingBrowsers.WaitForVideoAsync(pupil, MediaTimeout);
        }

        try
        {
            // The journal moves the second pupil to 5Б.
            Assert.Equal("Applied", await PushAsync(movePupil: true, moveTeacher: false));
            await Assertions.Expect(moving.Locator("#meeting-status")).ToContainTextAsync("нет среди участников чата", new() { Timeout = 5_000 });
            using (var moved = await env.SignedInAsync("pupil2"))
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await moved.GetAsync($"/api/meetings/{meetingId}")).StatusCode);
                var rejoin = await ChatApi.SendAsync(moved, HttpMethod.Post, $"/video/{meetingId}/janus", new { janus = "create", transaction = "x" });
                Assert.Equal(HttpStatusCode.Forbidden, rejoin.StatusCode);
            }

            Assert.True((await MeetingBrowsers.WaitForVideoAsync(staying, MediaTimeout)).FramesDecoded > 0);

            // Then the teacher stops teaching 5А: the host is a member like anyone else.
            Assert.Equal("Applied", await PushAsync(movePupil: true, moveTeacher: true));
            await Assertions.Expect(teacher.Locator("#meeting-status")).ToContainTextAsync("нет среди участников чата", new() { Timeout = 5_000 });
            using var host = await env.SignedInAsync("teacher");
            Assert.Equal(HttpStatusCode.Forbidden, (await ChatApi.SendAsync(host, HttpMethod.Post, $"/api/meetings/{meetingId}/end")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await host.GetAsync($"/api/meetings/{meetingId}/attendance.csv")).StatusCode);
        }
        finally
        {
            // The other tests share the demo school: everyone back where the demo roster has them.
            await DemoRosterPush.PushAsync(env.Stack.IdentityUrl, env.Stack.WebUrl, env.Users, CancellationToken.None);
        }
    }

    /// <summary>The demo roster with the second pupil (DEMO-S1) in 5Б and/or the teacher (DEMO-T2) teaching only 5Б.</summary>
    private Task<string> PushAsync(bool movePupil, bool moveTeacher)
    {
        var files = DemoRoster.Build(env.Users).Select(f =>
        {
            var lines = Encoding.UTF8.GetString(f.Content).TrimStart('\uFEFF').Split("\r\n");
            for (var i = 0; i < lines.Length; i++)
            {
                if (movePupil && lines[i].EndsWith(";DEMO-S1", StringComparison.Ordinal))
                {
                    lines[i] = lines[i].Replace(";5А;", ";5Б;", StringComparison.Ordinal);
                }

                if (moveTeacher && lines[i].EndsWith(";DEMO-T2", StringComparison.Ordinal))
                {
                    lines[i] = lines[i].Replace(";Учитель;5А;", ";Учитель;;", StringComparison.Ordinal).Replace(";5А, 5Б;", ";5Б;", StringComparison.Ordinal);
                }
            }

            return (f.Name, Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));
        }).ToList();
        return DemoRosterPush.PushAsync(env.Stack.IdentityUrl, env.Stack.WebUrl, files, CancellationToken.None);
    }
}
