using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Quiet hours through the whole stack: the admin sets the window on the school page; during it a new message's live
/// event says so (pupils' devices show it in the open chat but raise no badge: the browser test checks the chat list),
/// and each member's chat list knows whether the quiet hours apply to them (the pupil) or not (the teacher); outside it
/// no event says so; the teacher is told when it ends.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class QuietHoursTests(WebTestEnvironment env)
{
    [Fact]
    public async Task During_quiet_hours_a_pupil_gets_the_message_marked_silent_for_them_and_the_teacher_sees_when_it_ends()
    {
        using var admin = await env.SignedInAsync("admin");
        var school = await QuietHours.DemoSchoolAsync(admin);
        var now = QuietHours.MoscowNow;
        try
        {
            // Outside quiet hours (a window well away from now): nobody is silent.
            await QuietHours.SetAsync(admin, school, now.AddHours(3), now.AddHours(4));
            var chatId = await PupilOpensDirectChatWithTeacherAsync();
            await using var pupil = await ChatClient.ConnectAsync(env, "student");
            await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Днём", null);
            var daytime = await pupil.NextEventAsync(chatId, TimeSpan.FromSeconds(10));
            Assert.Equal("Днём", daytime.Message!.Text);
            Assert.False(daytime.QuietForStudents);

            // Inside quiet hours: the event arrives (the open chat shows it) and says that the quiet hours hold.
            await QuietHours.SetAsync(admin, school, now.AddHours(-1), now.AddHours(1));
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Поздно вечером", null);
            var late = await pupil.NextEventAsync(chatId, TimeSpan.FromSeconds(10));
            Assert.Equal("Поздно вечером", late.Message!.Text);

            // The teacher is not a pupil: she stays notified of the pupil's reply. And she is told when the quiet hours end.
            await pupil.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Спокойной ночи", null);
            ChatEvent reply;
            do
            {
                reply = await teacher.NextEventAsync(chatId, TimeSpan.FromSeconds(10)); // her own messages' events come first
            }
            while (reply.Message?.Text != "Спокойной ночи");

            Assert.True(late.QuietForStudents);
            Assert.True(reply.QuietForStudents);
            // Whom they silence is each member's own business: the pupil's chat list knows they apply to her, the
            // teacher's that they do not.
            Assert.True((await pupil.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.ChatId == chatId).QuietHoursApply);
            Assert.False((await teacher.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.ChatId == chatId).QuietHoursApply);
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
            await QuietHours.RestoreAsync(admin, school);
        }
    }

    [Fact]
    public async Task A_quiet_hours_window_that_cannot_be_read_is_refused_and_the_policy_stays()
    {
        using var admin = await env.SignedInAsync("admin");
        var school = await QuietHours.DemoSchoolAsync(admin);
        var response = await admin.SubmitAsync($"/Schools/{school}", "id=\"chat-policy\"", new() { ["quietFrom"] = "25:61", ["quietTo"] = "08:00" });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Тихие часы: укажите начало и конец", html);
        Assert.Contains("value=\"21:00\"", (await (await admin.GetAsync($"/Schools/{school}")).Content.ReadAsStringAsync()));
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

    [GeneratedRegex("<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>")]
    private static partial Regex ClassLink();
}
