using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sferum.Video.Tests.Support;
using Sferum.Web.Tests.Support;

namespace Sferum.Video.Tests;

/// <summary>
/// Breakout groups in a lesson: the teacher puts each pupil in a group of her own, each group talks in its own room,
/// the teacher drops in on one, writes to all groups at once, is called by the other, and brings everyone back.
/// </summary>
[Collection(VideoCollection.Name)]
public sealed class BreakoutTests(VideoEnvironment env)
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_teacher_splits_the_lesson_into_groups_drops_in_writes_to_all_is_called_and_brings_everyone_back()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        await MeetingBrowsers.OpenChatAsync(teacher, "5А класс");
        var meetingId = await MeetingBrowsers.StartMeetingAsync(teacher, "Урок в группах");
        var (anna, boris) = (await MeetingBrowsers.SignInAsync(browser, env, "student"), await MeetingBrowsers.SignInAsync(browser, env, "pupil2"));
        foreach (var pupil in new[] { anna, boris })
        {
            await pupil.GotoAsync($"{env.Stack.WebUrl}/Meetings/{meetingId}");
            await pupil.ClickAsync("#join");
            await MeetingBrowsers.WaitForVideoAsync(pupil, MediaTimeout);
        }

        // By hand: one pupil per group (the teacher's page offers a random split; the API takes either).
        using var host = await env.SignedInAsync("teacher");
        // Both are inside once the meeting has looked at its room (every 2 s).
        JsonElement view = default;
        for (var i = 0; i < 20; i++)
        {
            view = await (await host.GetAsync($"/api/meetings/{meetingId}")).Content.ReadFromJsonAsync<JsonElement>();
            if (view.GetProperty("participants").GetArrayLength() >= 3)
            {
                break;
            }

            await Task.Delay(500);
        }

        Guid IdOf(string login) => view.GetProperty("participants").EnumerateArray()
            .First(p => p.GetProperty("name").GetString()!.Contains(env.User(login).LastName)).GetProperty("userId").GetGuid();
        var split = await ChatApi.SendAsync(host, HttpMethod.Post, $"/api/meetings/{meetingId}/breakouts",
            new { groups = new[] { new[] { IdOf("student") }, new[] { IdOf("pupil2") } } });
        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        // A pupil cannot split the lesson.
        using var pupilApi = await env.SignedInAsync("student");
        Assert.Equal(HttpStatusCode.Forbidden, (await ChatApi.SendAsync(pupilApi, HttpMethod.Post, $"/api/meetings/{meetingId}/breakouts", new { count = 2 })).StatusCode);

        await Assertions.Expect(anna.Locator("#room-name")).ToHaveTextAsync("Вы в группе: Группа 1", new() { Timeout = 10_000 });
        await Assertions.Expect(boris.Locator("#room-name")).ToHaveTextAsync("Вы в группе: Группа 2", new() { Timeout = 10_000 });
        // In her group Anna may speak: she turns her camera on.
        await anna.ClickAsync("#publish", new() { Timeout = 15_000 });

        // The teacher drops in on group 1 and sees her; Boris, in group 2, does not.
        await teacher.Locator("#breakouts li[data-group='0'] button").ClickAsync(new() { Timeout = 10_000 });
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(teacher, MediaTimeout)).FramesDecoded > 0);
        Assert.Empty((await boris.EvaluateAsync<JsonElement>("() => window.sferumMeeting.state()")).GetProperty("feeds").EnumerateArray());

        // A message to all groups; Boris calls the teacher to his group.
        await teacher.FillAsync("#notice-text", "Осталось пять минут");
        await teacher.ClickAsync("#notice-form button[type=submit]");
        foreach (var pupil in new[] { anna, boris })
        {
            await Assertions.Expect(pupil.Locator("#breakout-notice")).ToContainTextAsync("Осталось пять минут", new() { Timeout = 10_000 });
        }

        await boris.ClickAsync("#call-host");
        await Assertions.Expect(teacher.Locator("#breakouts li[data-group='1']")).ToContainTextAsync("зовёт учителя", new() { Timeout = 10_000 });

        // Everyone back: both pupils are in the main room again and receive the teacher's video.
        await teacher.ClickAsync("#breakout-close");
        foreach (var pupil in new[] { anna, boris })
        {
            await Assertions.Expect(pupil.Locator("#room-name")).ToBeHiddenAsync(new() { Timeout = 10_000 });
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True((await MeetingBrowsers.WaitForVideoAsync(boris, MediaTimeout)).FramesDecoded > 0);
    }
}
