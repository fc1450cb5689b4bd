using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>When a student leaves the class in the journal, the class chat drops her at once, open connection included.</summary>
[Collection(WebCollection.Name)]
public sealed class ChatMembershipTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_student_removed_by_the_next_import_stops_receiving_on_her_open_connection()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var teacher = env.User("teacher");
        var student = env.User("student");
        var staff = $"Фамилия;Имя;Должность;Классное руководство;СНИЛС;Идентификатор\r\n{teacher.LastName};{teacher.FirstName};Учитель;9Г;{teacher.Snils};T1\r\n";
        var withStudent = $"Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\n{student.LastName};{student.FirstName};9Г;{student.Snils};S1\r\nКлассная;Анна;9Г;;S2\r\n";
        var withoutStudent = "Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\nКлассная;Анна;9Г;;S2\r\n";
        await ImportAsync(schoolId, staff, withStudent);

        await using var teacherClient = await ChatClient.ConnectAsync(env, "teacher");
        await using var studentClient = await ChatClient.ConnectAsync(env, "student");
        var chat = (await studentClient.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Title == "9Г класс");
        await teacherClient.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, Guid.NewGuid().ToString(), "До выпуска", null);
        Assert.Equal("До выпуска", (await studentClient.NextEventAsync(chat.ChatId, TimeSpan.FromSeconds(10))).Message!.Text);

        await ImportAsync(schoolId, staff, withoutStudent);

        using var removedWait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(chat.ChatId, await studentClient.Removed.Reader.ReadAsync(removedWait.Token));
        await teacherClient.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, Guid.NewGuid().ToString(), "После выпуска", null);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(studentClient.Events.Reader.TryRead(out var leaked), $"received after leaving: {leaked?.Message?.Text}");
        var refused = await Assert.ThrowsAsync<HubException>(() => studentClient.Connection.InvokeAsync<ChatPage>("History", chat.ChatId, null, null, 10));
        Assert.Contains("forbidden", refused.Message);
    }

    private async Task ImportAsync(Guid schoolId, string staff, string students)
    {
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(teacher.Login, teacher.Password);
        var page = await browser.GetAsync($"/Schools/{schoolId}/Imports/New");
        var preview = await browser.PostFilesAsync(page.RequestMessage!.RequestUri!, await page.Content.ReadAsStringAsync(), "id=\"upload\"", "files",
            [("staff.csv", Encoding.UTF8.GetBytes(staff)), ("students.csv", Encoding.UTF8.GetBytes(students))]);
        var html = await preview.Content.ReadAsStringAsync();
        var apply = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*handler=Apply[^>]*>.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(apply.Success, html);
        var applied = await browser.PostFormAsync(preview.RequestMessage!.RequestUri!, apply.Value, []);
        Assert.Contains("Применено", await applied.Content.ReadAsStringAsync());
    }
}
