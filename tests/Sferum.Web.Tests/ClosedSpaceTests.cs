using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>A pupil of 5А cannot read 5Б's chat by any route the portal has: page, materials, files API, hub.</summary>
[Collection(WebCollection.Name)]
public sealed class ClosedSpaceTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_student_of_5A_cannot_reach_the_chat_of_5B_by_any_route()
    {
        // The demo teacher teaches both classes: her pages name 5Б's class and chat.
        using var teacher = new OidcHttpBrowser(env.Stack.WebUrl);
        await teacher.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
        var home = await (await teacher.GetAsync("/")).Content.ReadAsStringAsync();
        var otherClass = Regex.Match(home, "<a href=\"(/Classes/[0-9a-f-]{36})\">5Б</a>").Groups[1].Value;
        Assert.NotEmpty(otherClass);
        var otherPage = await (await teacher.GetAsync(otherClass)).Content.ReadAsStringAsync();
        var otherChat = Guid.Parse(Regex.Match(otherPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"class-chat\"").Groups[1].Value);
        await using var teacherHub = await ChatClient.ConnectAsync(env, "teacher");
        var secret = await teacherHub.Connection.InvokeAsync<ChatMessage>("Send", otherChat, Guid.NewGuid().ToString(), "Контрольная в 5Б в пятницу", null);

        await using var student = await ChatClient.ConnectAsync(env, "student");
        using var studentBrowser = new HttpClient(new HttpClientHandler { CookieContainer = student.Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(env.Stack.WebUrl),
        };
        foreach (var path in new[] { otherClass, $"/Chats/{otherChat}", $"/Chats/{otherChat}/Materials", $"/api/chats/{otherChat}/messages/{secret.Seq}/files/0" })
        {
            var response = await studentBrowser.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Контрольная", await response.Content.ReadAsStringAsync());
        }

        foreach (var (method, args) in new (string, object?[])[]
                 {
                     ("Open", [otherChat]), ("History", [otherChat, null, null, 50]), ("Catchup", [otherChat, 0L]),
                     ("Pinned", [otherChat]), ("Receipt", [otherChat, secret.Seq]), ("Send", [otherChat, "s1", "привет", null]),
                 })
        {
            var error = await Assert.ThrowsAsync<HubException>(() => student.Connection.InvokeCoreAsync(method, typeof(object), args));
            Assert.Contains("forbidden", error.Message);
        }

        var found = await student.Connection.InvokeAsync<List<ChatMessage>>("Search", "Контрольная");
        Assert.DoesNotContain(found, m => m.ChatId == otherChat);
        Assert.DoesNotContain(await student.Connection.InvokeAsync<List<ChatSummary>>("Chats"), c => c.ChatId == otherChat);
        await Task.Delay(500);
        Assert.False(student.Events.Reader.TryRead(out var leaked) && leaked.ChatId == otherChat);
    }
}
