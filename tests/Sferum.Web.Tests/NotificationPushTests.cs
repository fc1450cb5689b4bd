using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Live notification pushes over real SignalR: the web node sends a person's push to each of that person's open
/// connections (their phone and their laptop), and to nobody else's, including after one of them closed.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class NotificationPushTests(WebTestEnvironment env)
{
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_mention_reaches_every_open_connection_of_the_mentioned_person_and_no_one_else()
    {
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        await using var parent = await ChatClient.ConnectAsync(env, "parent");
        await using var phone = await ChatClient.ConnectAsync(env, "student");
        await using var laptop = await ChatClient.ConnectAsync(env, "student"); // closed early below; disposing twice is harmless
        var (toTeacher, toParent, toPhone, toLaptop) = (Record(teacher), Record(parent), Record(phone), Record(laptop));
        var chat = (await phone.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class);
        var pupil = await PupilIdAsync(teacher, chat.ChatId);

        var tag = Guid.NewGuid().ToString("N")[..8];
        await MentionAsync(teacher, chat.ChatId, pupil, $"Принеси тетрадь {tag}");
        Assert.Contains(tag, await NextNoticeAsync(toPhone));
        Assert.Contains(tag, await NextNoticeAsync(toLaptop));

        // The laptop closes: the next mention still reaches the phone, and the closed connection is simply gone.
        await laptop.DisposeAsync();
        await MentionAsync(teacher, chat.ChatId, pupil, $"И линейку {tag}");
        Assert.Contains($"И линейку {tag}", await NextNoticeAsync(toPhone));

        // Both mentions have been pushed by now; the author and a parent of the class got nothing of them.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(Drain(toTeacher), push => push.Contains(tag, StringComparison.Ordinal));
        Assert.DoesNotContain(Drain(toParent), push => push.Contains(tag, StringComparison.Ordinal));
    }

    private static Channel<string> Record(ChatClient client)
    {
        var pushes = Channel.CreateUnbounded<string>();
        client.Connection.On<JsonElement>("notification", push => pushes.Writer.TryWrite(push.GetRawText()));
        return pushes;
    }

    /// <summary>The pupil's id as the composer's @ list gives it to a member of the chat.</summary>
    private async Task<Guid> PupilIdAsync(ChatClient member, Guid chatId)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = member.Cookies }) { BaseAddress = new Uri(env.Stack.WebUrl) };
        var members = await http.GetFromJsonAsync<List<ChatMemberName>>($"/api/chats/{chatId}/members");
        var lastName = env.User("student").LastName;
        return Assert.Single(members!, m => m.Name.Contains(lastName, StringComparison.Ordinal)).UserId;
    }

    private static Task MentionAsync(ChatClient author, Guid chatId, Guid mentioned, string text) =>
        author.Connection.InvokeAsync<ChatMessage>("SendMentioning", chatId, Guid.NewGuid().ToString(), text, null, null, new List<Guid> { mentioned });

    /// <summary>The next push that carries a new notification (read-state changes carry none), as raw JSON.</summary>
    private static async Task<string> NextNoticeAsync(Channel<string> pushes)
    {
        using var cts = new CancellationTokenSource(Live);
        while (true)
        {
            var push = await pushes.Reader.ReadAsync(cts.Token);
            if (JsonDocument.Parse(push).RootElement.GetProperty("notification").ValueKind == JsonValueKind.Object)
            {
                return push;
            }
        }
    }

    private static List<string> Drain(Channel<string> pushes)
    {
        var all = new List<string>();
        while (pushes.Reader.TryRead(out var push))
        {
            all.Add(push);
        }

        return all;
    }
}
