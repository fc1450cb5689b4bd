using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sferum.Chats;
using Sferum.Testing;
using Sferum.Web.Chats;

namespace Sferum.Cluster.Tests;

/// <summary>
/// A web node's relay receives a chat's live events, and still does after the silo that hosted the chat was killed
/// and another took over: the chat grain's list of watching nodes lived only in the dead silo's memory, and the relay
/// registers its feeds again when it sees the cluster change.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveDeliveryAfterRestartTests(PostgresServer postgres) : ClusterTestBase(postgres)
{
    // The relay's instruments, on a meter nothing listens to.
    private static readonly Sferum.Web.Telemetry.WebMetrics Metrics = new(
        new ServiceCollection().AddMetrics().BuildServiceProvider()
            .GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    [Fact]
    public async Task The_relay_still_receives_a_chats_events_after_its_silo_was_killed_and_replaced()
    {
        var (silo, _, _) = await StartSiloAsync();
        var webNode = await ConnectThroughMembershipAsync();
        var sender = await ConnectThroughMembershipAsync();
        var (chatId, teacherId) = await CreateGroupChatAsync(sender);
        var hub = new RecordingHubContext();
        var relay = new ChatRelay(webNode, hub, Metrics, TimeProvider.System, NullLogger<ChatRelay>.Instance);
        await relay.AddAsync(chatId, "connection-1", teacherId);

        await SendAsync(sender, chatId, teacherId, "до сбоя");
        await WaitForAsync(hub, chatId, 1);
        await relay.HealAsync(); // learns the cluster as it is

        silo.Kill();
        await StartSiloAsync();
        // What the web node's healing service does every 5 s; events sent in between come from the log.
        await RetryAsync(relay.HealAsync);
        await SendAsync(sender, chatId, teacherId, "после сбоя");

        await WaitForAsync(hub, chatId, 2);
    }

    [Fact]
    public async Task A_node_that_ended_its_feed_gets_no_more_events_of_the_chat()
    {
        await StartSiloAsync();
        var webNode = await ConnectThroughMembershipAsync();
        var (chatId, teacherId) = await CreateGroupChatAsync(webNode);
        var hub = new RecordingHubContext();
        var relay = new ChatRelay(webNode, hub, Metrics, TimeProvider.System, NullLogger<ChatRelay>.Instance);
        await relay.AddAsync(chatId, "connection-1", teacherId);
        await SendAsync(webNode, chatId, teacherId, "первое");
        await WaitForAsync(hub, chatId, 1);

        await relay.RemoveConnectionAsync("connection-1");
        await SendAsync(webNode, chatId, teacherId, "второе");
        await relay.AddAsync(chatId, "connection-2", teacherId);
        await SendAsync(webNode, chatId, teacherId, "третье");
        await WaitForAsync(hub, chatId, 3);

        Assert.Equal(1, relay.WatchedChats);
        Assert.DoesNotContain(hub.Sent, s => s.Args.FirstOrDefault() is ChatEvent { Seq: 2 });
    }

    private static Task SendAsync(IClusterClient client, Guid chatId, Guid userId, string text) =>
        RetryAsync(() => client.GetGrain<IChatGrain>(chatId).SendAsync(userId, new SendMessage(text, text, null)));

    private static async Task RetryAsync(Func<Task> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception) when (attempt < 60)
            {
                // The client finds the new silo's gateway through the membership table within seconds.
                await Task.Delay(500);
            }
        }
    }

    private static async Task WaitForAsync(RecordingHubContext hub, Guid chatId, long seq)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (hub.Sent.Any(s => s.Target.StartsWith("chat:", StringComparison.Ordinal) && s.Args.FirstOrDefault() is ChatEvent e && e.ChatId == chatId && e.Seq == seq))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Event {seq} of chat {chatId} did not reach the relay within 30 s; it got: {string.Join(", ", hub.Sent.Select(s => s.Target))}");
    }
}
