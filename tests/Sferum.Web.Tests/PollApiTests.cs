using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>Polls through the portal's JSON API with real sign-ins: the teacher asks 5А, the pupil answers, refusals say why.</summary>
[Collection(WebCollection.Name)]
public sealed class PollApiTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_pupil_votes_the_teacher_sees_who_has_not_and_bad_input_names_its_rule()
    {
        using var teacher = await env.SignedInAsync("teacher");
        using var student = await env.SignedInAsync("student");
        var chatId = (await ChatApi.FiveAAsync(teacher)).ClassChat;
        var pollId = await ChatApi.CreatePollAsync(teacher, chatId, "Экскурсия в субботу: едете?", ["Да", "Нет"]);

        var vote = await ChatApi.PostAsync(student, chatId, $"/polls/{pollId}/vote", new { options = new[] { 0 } });
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        var result = (await vote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("poll");
        Assert.Equal(1, result.GetProperty("options")[0].GetProperty("votes").GetInt32());

        var silent = await (await teacher.GetAsync($"/api/chats/{chatId}/polls/{pollId}/non-voters")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(silent.EnumerateArray(), n => n.GetProperty("name").GetString()!.StartsWith(env.User("student").LastName + " " + env.User("student").FirstName, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"/api/chats/{chatId}/polls/{pollId}/non-voters")).StatusCode);

        var tooMany = await ChatApi.PostAsync(teacher, chatId, "/polls/", new { clientId = "many", question = "?", options = Enumerable.Range(1, 100).Select(i => $"{i}").ToArray() });
        var problem = await tooMany.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.BadRequest, "poll.options-too-many"), (tooMany.StatusCode, problem.GetProperty("type").GetString()));
        Assert.Contains("не больше 12", problem.GetProperty("detail").GetString());

        // Without the page's token a write is refused even with a valid session.
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/chats/{chatId}/polls/{pollId}/vote") { Content = JsonContent.Create(new { options = new[] { 1 } }) };
        Assert.Equal(HttpStatusCode.BadRequest, (await student.SendAsync(forged)).StatusCode);
        Assert.Equal(1, (await (await student.GetAsync($"/api/chats/{chatId}/polls/{pollId}")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("voters").GetInt32());
    }

    [Fact]
    public async Task The_poll_api_is_described_in_openapi()
    {
        using var anonymous = new OidcHttpBrowser(env.Stack.WebUrl);
        var description = await (await anonymous.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        foreach (var operation in new[] { "CreatePoll", "GetPoll", "VotePoll", "ClosePoll", "PollNonVoters" })
        {
            Assert.Contains($"\"operationId\": \"{operation}\"", description);
        }
    }
}
