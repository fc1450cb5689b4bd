using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Quiet hours through the whole stack: the admin sets the window on the school page; during it a pupil's device gets
/// the message (when the chat is open) but no notification, outside it both; the teacher is told when it ends.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class QuietHoursTests(WebTestEnvironment env)
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [Fact]
    public async Task During_quiet_hours_a_pupil_gets_the_message_without_a_notification_and_the_teacher_sees_when_it_ends()
    {
        using var admin = await env.SignedInAsync("admin");
        var school = Guid.Parse(SchoolLink().Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync()).Groups[1].Value);
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Moscow);
        try
        {
            // Outside quiet hours (a window well away from now): the pupil is notified.
            await SetQuietHoursAsync(admin, school, now.AddHours(3), now.AddHours(4));
            var chatId = await PupilOpensDirectChatWithTeacherAsync();
            await using var pupil = await ChatClient.ConnectAsync(env, "student");
            await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Днём", null);
            await pupil.NextEventAsync(chatId, TimeSpan.FromSeconds(10));
            var daytime = await ReadAsync(pupil.Notifications, TimeSpan.FromSeconds(10));
            Assert.Equal(chatId, daytime.ChatId);
            Assert.Equal("Днём", daytime.Preview);

            // Inside quiet hours: the chat event arrives (the open chat shows it), the notification does not. The relay
            // sends both in a row on the same connection, so none after two seconds means none at all.
            await SetQuietHoursAsync(admin, school, now.AddHours(-1), now.AddHours(1));
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Поздно вечером", null);
            var late = await pupil.NextEventAsync(chatId, TimeSpan.FromSeconds(10));
            Assert.Equal("Поздно вечером", late.Message!.Text);
            await Task.Delay(2000);
            Assert.False(pupil.Notifications.Reader.TryRead(out var unexpected), $"notified during quiet hours: {unexpected}");

            // The teacher is not a pupil: the pupil's reply notifies her. And she is told when the quiet hours end.
            await pupil.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Спокойной ночи", null);
            Assert.Equal("Спокойной ночи", (await ReadAsync(teacher.Notifications, TimeSpan.FromSeconds(10))).Preview);
            using var teacherBrowser = await env.SignedInAsync("teacher");
            var quiet = await (await teacherBrowser.GetAsync($"/api/chats/{chatId}/quiet-hours")).Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(quiet.GetProperty("quietNow").GetBoolean());
            Assert.Equal(now.AddHours(1).ToString("HH:mm"), quiet.GetProperty("window").GetString()![^5..]);
            var page = await (await teacherBrowser.GetAsync($"/Chats/{chatId}")).Content.ReadAsStringAsync();
            Assert.Contains("id=\"quiet-hint\"", page);
            using var pupilBrowser = await env.SignedInAsync("student");
            Assert.DoesNotContain("id=\"quiet-hint\"", await (await pupilBrowser.GetAsync($"/Chats/{chatId}")).Content.ReadAsStringAsync()); // a hint for staff only
        }
        finally
        {
            var restored = await admin.SubmitAsync($"/Schools/{school}", "id=\"chat-policy\"", new() { ["quietFrom"] = "21:00", ["quietTo"] = "08:00" });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }

    [Fact]
    public async Task A_quiet_hours_window_that_cannot_be_read_is_refused_and_the_policy_stays()
    {
        using var admin = await env.SignedInAsync("admin");
        var school = Guid.Parse(SchoolLink().Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync()).Groups[1].Value);
        var response = await admin.SubmitAsync($"/Schools/{school}", "id=\"chat-policy\"", new() { ["quietFrom"] = "25:61", ["quietTo"] = "08:00" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Тихие часы: укажите начало и конец", html);
        Assert.Contains("value=\"21:00\"", (await (await admin.GetAsync($"/Schools/{school}")).Content.ReadAsStringAsync()));
    }

    private static async Task SetQuietHoursAsync(OidcHttpBrowser admin, Guid school, DateTimeOffset from, DateTimeOffset to)
    {
        var response = await admin.SubmitAsync($"/Schools/{school}", "id=\"chat-policy\"",
            new() { ["quietFrom"] = from.ToString("HH:mm"), ["quietTo"] = to.ToString("HH:mm") });
        Assert.DoesNotContain("Тихие часы: укажите", await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> PupilOpensDirectChatWithTeacherAsync()
    {
        using (var teacherBrowser = new OidcHttpBrowser(env.Stack.WebUrl))
        {
            await teacherBrowser.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
        }

        using var pupil = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await (await pupil.SignInAsync(env.User("student").Login, env.User("student").Password)).Content.ReadAsStringAsync();
        var classPath = ClassLink().Match(home).Groups[1].Value;
        var chat = await pupil.SubmitAsync(classPath, "class=\"link write\"", []);
        return Guid.Parse(chat.RequestMessage!.RequestUri!.AbsolutePath["/Chats/".Length..]);
    }

    private static async Task<T> ReadAsync<T>(System.Threading.Channels.Channel<T> channel, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await channel.Reader.ReadAsync(cts.Token);
    }

    [GeneratedRegex("<a href=\"/Schools/([0-9a-f-]{36})\">Школа № 7</a>")]
    private static partial Regex SchoolLink();

    [GeneratedRegex("<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>")]
    private static partial Regex ClassLink();
}
