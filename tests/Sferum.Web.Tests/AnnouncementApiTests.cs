using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>An announcement in 5А's parents' chat through the JSON API: the mother confirms for her son, the teacher sees it per child.</summary>
[Collection(WebCollection.Name)]
public sealed class AnnouncementApiTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_mother_confirms_and_the_teacher_sees_her_child_confirmed_others_not()
    {
        using var teacher = await env.SignedInAsync("teacher");
        using var parent = await env.SignedInAsync("parent");
        var chatId = (await ChatApi.FiveAAsync(teacher)).ParentsChat;

        var posted = await ChatApi.PostAsync(teacher, chatId, "/announcements/", new { clientId = Guid.NewGuid().ToString(), text = "Родительское собрание в четверг" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var seq = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seq").GetInt64();
        var refused = await ChatApi.PostAsync(parent, chatId, "/announcements/", new { clientId = "x", text = "Все ко мне!" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ChatApi.PostAsync(parent, chatId, $"/announcements/{seq}/ack", new { })).StatusCode);
        var report = await (await teacher.GetAsync($"/api/chats/{chatId}/announcements/{seq}/report")).Content.ReadFromJsonAsync<JsonElement>();
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        var student = env.User("student");
        Assert.True(report.GetProperty("perChild").GetBoolean());
        Assert.Contains(rows, r => r.GetProperty("name").GetString()!.StartsWith($"{student.LastName} {student.FirstName}", StringComparison.Ordinal) && r.GetProperty("confirmed").GetBoolean());
        Assert.Contains(rows, r => !r.GetProperty("confirmed").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"/api/chats/{chatId}/announcements/{seq}/report")).StatusCode);

        var unknown = await ChatApi.PostAsync(parent, chatId, $"/announcements/{seq + 1000}/ack", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
