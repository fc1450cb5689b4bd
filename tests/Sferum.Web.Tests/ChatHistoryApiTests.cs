using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The chat's first page over HTTP (what the service worker keeps for offline reading): the newest messages, a smaller
/// page on request (the meeting's side chat), and a clear refusal of a page size out of range.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ChatHistoryApiTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_smaller_first_page_holds_the_newest_messages_and_an_out_of_range_limit_is_refused_by_name()
    {
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        using var reader = await env.SignedInAsync("teacher");
        var chatId = (await ChatApi.FiveAAsync(reader)).ClassChat;
        var sent = new List<ChatMessage>();
        foreach (var text in new[] { "Первое", "Второе", "Третье" })
        {
            sent.Add(await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), text, null));
        }

        var page = await (await reader.GetAsync($"/api/chats/{chatId}/history?limit=2")).Content.ReadFromJsonAsync<JsonElement>();
        var seqs = page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal([sent[1].Seq, sent[2].Seq], seqs);
        Assert.True(page.GetProperty("hasMore").GetBoolean());

        foreach (var limit in new[] { 0, Sferum.Web.Chats.ChatHistoryApi.FirstPageSize + 1 })
        {
            var refused = await reader.GetAsync($"/api/chats/{chatId}/history?limit={limit}");
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((HttpStatusCode.BadRequest, "history.limit"), (refused.StatusCode, problem.GetProperty("type").GetString()));
            Assert.Contains("«limit»", problem.GetProperty("detail").GetString());
        }
    }
}
