using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>With PostgreSQL down a message is refused, never acknowledged; the same send later is stored once.</summary>
[Collection(WebCollection.Name)]
public sealed class ChatDatabaseOutageTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_send_while_the_database_is_down_fails_clearly_and_the_retry_is_stored_once()
    {
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        var chat = (await teacher.Connection.InvokeAsync<List<ChatSummary>>("Chats")).First(c => c.Kind == ChatKind.Class && c.Title == "5А класс");
        var clientId = Guid.NewGuid().ToString();

        await env.Postgres.Server.StopAsync();
        HubException refused;
        try
        {
            refused = await Assert.ThrowsAsync<HubException>(() =>
                teacher.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, clientId, "Во время аварии", null));
        }
        finally
        {
            await env.Postgres.Server.StartAgainAsync();
        }

        Assert.Matches("message.not-saved|message.unconfirmed|database.unavailable", refused.Message);
        var stored = await RetryAsync(() => teacher.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, clientId, "Во время аварии", null));
        var again = await teacher.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, clientId, "Во время аварии", null);
        var history = await teacher.Connection.InvokeAsync<ChatPage>("History", chat.ChatId, null, null, 50);

        // Everything works as before for people who connect afterwards, live delivery included.
        await using var freshTeacher = await ChatClient.ConnectAsync(env, "teacher");
        await using var student = await ChatClient.ConnectAsync(env, "student");
        await student.Connection.InvokeAsync("Open", chat.ChatId); // as the chat page does
        var after = await freshTeacher.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, Guid.NewGuid().ToString(), "После аварии", null)
            .WaitAsync(TimeSpan.FromSeconds(10));
        // Events published late may come first; the new one arrives after them.
        ChatEvent received;
        do
        {
            received = await student.NextEventAsync(chat.ChatId, TimeSpan.FromSeconds(15));
        }
        while (received.Seq < after.Seq);

        Assert.Equal(after.Seq, received.Seq);

        Assert.Equal(stored.Seq, again.Seq);
        Assert.Single(history.Messages, m => m.ClientId == clientId);
        Assert.Equal(history.Messages.Select(m => m.Seq).Order(), history.Messages.Select(m => m.Seq));
    }

    // Right after the restart the pools reconnect; a real device retries the same way.
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (HubException) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }
}
