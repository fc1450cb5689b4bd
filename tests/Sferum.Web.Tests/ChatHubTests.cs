using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The chat hub over real SignalR (WebSockets) against real silos: live delivery to the other members, and refusals
/// for everyone who is not in the chat, whatever chat id they forge.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ChatHubTests(WebTestEnvironment env)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(10);

    private static async Task<ChatSummary> ClassChatAsync(ChatClient client) =>
        (await client.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class);

    [Fact]
    public async Task A_message_reaches_the_other_member_live_with_its_sequence_number()
    {
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chat = await ClassChatAsync(student);

        var sent = await teacher.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, Guid.NewGuid().ToString(), "Завтра контрольная", null);
        var received = await student.NextEventAsync(chat.ChatId, Live);

        Assert.Equal(sent.Seq, received.Seq);
        Assert.Equal(ChatEventType.Posted, received.Type);
        Assert.Equal("Завтра контрольная", received.Message!.Text);
        Assert.Equal(env.User("teacher").FirstName + " " + env.User("teacher").LastName, received.Message.AuthorName);

        var catchup = await student.Connection.InvokeAsync<List<ChatEvent>>("Catchup", chat.ChatId, sent.Seq - 1);
        Assert.Equal(sent.Seq, catchup.First().Seq);
    }

    [Theory]
    [InlineData("guest")]   // not in the school at all
    [InlineData("parent")]  // a parent, in the parents' chat but not in the students' chat
    public async Task Someone_outside_the_chat_is_refused_by_every_hub_method(string login)
    {
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chatId = (await ClassChatAsync(student)).ChatId;
        var sent = await student.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), "Только для класса", null);
        await using var outsider = await ChatClient.ConnectAsync(env, login);
        var hub = outsider.Connection;

        var calls = new Func<Task>[]
        {
            () => hub.InvokeAsync("Open", chatId),
            () => hub.InvokeAsync<ChatMessage>("Send", chatId, "x1", "привет", null),
            () => hub.InvokeAsync<ChatMessage>("SendWithFiles", chatId, "x2", "файл", null,
                new List<ChatAttachment> { new(new string('a', 64), "задание.pdf", "application/pdf", 10) }),
            () => hub.InvokeAsync<ChatMessage>("Edit", chatId, sent.Seq, "взлом"),
            () => hub.InvokeAsync<ChatMessage>("Delete", chatId, sent.Seq),
            () => hub.InvokeAsync<ChatMessage>("React", chatId, sent.Seq, "👍", true),
            () => hub.InvokeAsync<ChatPage>("History", chatId, null, null, 10),
            () => hub.InvokeAsync<List<ChatEvent>>("Catchup", chatId, 0L),
            () => hub.InvokeAsync("MarkRead", chatId, sent.Seq),
            () => hub.InvokeAsync<ReadReceipt>("Receipt", chatId, sent.Seq),
            () => hub.InvokeAsync<ChatMessage>("Pin", chatId, sent.Seq, true),
            () => hub.InvokeAsync<List<ChatMessage>>("Pinned", chatId),
        };
        foreach (var call in calls)
        {
            var refused = await Assert.ThrowsAsync<HubException>(call);
            Assert.Contains("forbidden", refused.Message);
            Assert.DoesNotContain("Только для класса", refused.Message);
        }

        Assert.DoesNotContain(await hub.InvokeAsync<List<ChatSummary>>("Chats"), c => c.ChatId == chatId);
        Assert.DoesNotContain(await hub.InvokeAsync<List<ChatMessage>>("Search", "только класса"), m => m.ChatId == chatId);

        // The page of the chat is refused too.
        var user = env.User(login);
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(user.Login, user.Password);
        var page = await browser.GetAsync($"/Chats/{chatId}");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("5А", await page.Content.ReadAsStringAsync());
        Assert.False(outsider.Events.Reader.TryRead(out _), "an outsider received a live event");
    }

    [Fact]
    public async Task A_forged_unknown_chat_id_is_refused_and_an_anonymous_connection_is_not_accepted()
    {
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var unknown = await Assert.ThrowsAsync<HubException>(() =>
            student.Connection.InvokeAsync<ChatMessage>("Send", Guid.NewGuid(), "x", "привет", null));
        Assert.Contains("chat.unknown", unknown.Message);

        var anonymous = new HubConnectionBuilder().WithUrl($"{env.Stack.WebUrl}/hubs/chat").Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Bad_messages_get_a_clear_error_and_nothing_is_stored()
    {
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chat = await ClassChatAsync(student);

        var empty = await Assert.ThrowsAsync<HubException>(() => student.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, "e1", "   ", null));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => student.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, "e2", new string('a', 4001), null));

        Assert.Contains("Сообщение пустое", empty.Message);
        Assert.Contains("длиннее 4000", tooLong.Message);
        Assert.Equal(chat.LastSeq, (await ClassChatAsync(student)).LastSeq);
    }
}
