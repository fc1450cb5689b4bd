using System.Net;
using Microsoft.Playwright;
using Npgsql;
using Sferum.Video.Tests.Support;

namespace Sferum.Video.Tests;

/// <summary>
/// Meetings planned ahead: the card is posted at once, a durable reminder (Orleans reminders in PostgreSQL) posts
/// "Скоро начнётся" before the start, pupils cannot enter before the host opens it, and a planned meeting nobody
/// opened ends by itself (the environment shortens that to 6 s after the start).
/// </summary>
[Collection(VideoCollection.Name)]
public sealed class PlannedMeetingTests(VideoEnvironment env)
{
    [Fact]
    public async Task A_lesson_planned_from_the_chat_is_announced_with_its_time_and_the_class_is_reminded_before_it_starts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var teacher = await MeetingBrowsers.SignInAsync(browser, env, "teacher");
        var pupil = await MeetingBrowsers.SignInAsync(browser, env, "student");
        await MeetingBrowsers.OpenChatAsync(teacher, "5А класс");
        await MeetingBrowsers.OpenChatAsync(pupil, "5А класс");
        var title = $"План {Guid.NewGuid():N}"[..14];

        await teacher.ClickAsync("#meeting-start");
        await teacher.FillAsync("#meeting-title", title);
        // Five minutes from now in the browser's own time, as the teacher would type it.
        var local = await teacher.EvaluateAsync<string>("""
            () => { const d = new Date(Date.now() + 5 * 60_000); const p = (n) => String(n).padStart(2, "0");
                    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`; }
            """);
        await teacher.FillAsync("#meeting-starts-at", local);
        await teacher.ClickAsync("#meeting-create");

        // The planned card reaches the pupil live, with no way in before the host opens it; the host may open it.
        var card = pupil.Locator(".meeting-card", new() { HasText = title });
        await Assertions.Expect(card).ToContainTextAsync("запланирована", new() { Timeout = 10_000 });
        await Assertions.Expect(card.Locator("a.meeting-join")).ToHaveCountAsync(0);
        await Assertions.Expect(teacher.Locator(".meeting-card", new() { HasText = title }).Locator("a.meeting-join"))
            .ToHaveTextAsync("Открыть встречу");
        await Assertions.Expect(pupil.Locator("#messages")).ToContainTextAsync($"Запланирован урок «{title}» на ");
        Assert.Contains("/Chats/", teacher.Url);

        // Planned five minutes ahead, inside the ten-minute notice: the reminder comes at once.
        await Assertions.Expect(pupil.Locator("#messages")).ToContainTextAsync($"Скоро начнётся: урок «{title}»", new() { Timeout = 15_000 });

        var meetingId = Guid.Parse((await card.GetAttributeAsync("data-meeting-id"))!);
        using var member = await env.SignedInAsync("student");
        var early = await Web.Tests.Support.ChatApi.SendAsync(member, HttpMethod.Post, $"/api/meetings/{meetingId}/enter");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("ещё не началась", await early.Content.ReadAsStringAsync());

        // What is left to fire (ending it if nobody comes) is a durable reminder of this meeting's grain.
        Assert.Equal(["abandon"], await RemindersSettledAsync(meetingId, ["abandon"]));
    }

    [Fact]
    public async Task A_planned_meeting_nobody_opened_ends_by_itself_and_its_card_says_so()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await MeetingBrowsers.LaunchAsync(playwright);
        var pupil = await MeetingBrowsers.SignInAsync(browser, env, "student");
        await MeetingBrowsers.OpenChatAsync(pupil, "5А класс");
        using var teacher = await env.SignedInAsync("teacher");
        var (_, classChat, _) = await Web.Tests.Support.ChatApi.FiveAAsync(teacher);
        var planned = await Web.Tests.Support.ChatApi.PostAsync(teacher, classChat, "/meetings",
            new { clientId = Guid.NewGuid().ToString(), kind = "Lesson", title = "Никто не пришёл", startsAt = DateTimeOffset.UtcNow.AddSeconds(5) });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var meetingId = Guid.Parse(System.Text.Json.JsonDocument.Parse(await planned.Content.ReadAsStringAsync()).RootElement.GetProperty("meetingId").GetString()!);

        var card = pupil.Locator($".meeting-card[data-meeting-id='{meetingId}']");
        await Assertions.Expect(card).ToContainTextAsync("запланирована", new() { Timeout = 10_000 });

        // 5 s to its time + 6 s of grace: the card turns "закончилась" live, and both reminders are gone.
        await Assertions.Expect(card).ToContainTextAsync("закончилась", new() { Timeout = 40_000 });
        var late = await Web.Tests.Support.ChatApi.SendAsync(teacher, HttpMethod.Post, $"/api/meetings/{meetingId}/enter");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("уже закончилась", await late.Content.ReadAsStringAsync());
        Assert.Empty(await RemindersSettledAsync(meetingId, []));
    }

    /// <summary>The meeting's reminders once they are <paramref name="expected"/> (a fired one is forgotten just after), or after 10 s.</summary>
    private async Task<List<string>> RemindersSettledAsync(Guid meetingId, string[] expected)
    {
        var names = await RemindersOfAsync(meetingId);
        for (var i = 0; i < 20 && !names.SequenceEqual(expected); i++)
        {
            await Task.Delay(500);
            names = await RemindersOfAsync(meetingId);
        }

        return names;
    }

    private async Task<List<string>> RemindersOfAsync(Guid meetingId)
    {
        await using var connection = new NpgsqlConnection(env.Stack.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT remindername FROM orleansreminderstable WHERE grainid LIKE '%' || @key || '%' ORDER BY remindername", connection);
        command.Parameters.AddWithValue("key", meetingId.ToString("N"));
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
