using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Testing;
using Sferum.Web.Chats;

namespace Sferum.Cluster.Tests;

/// <summary>
/// A web node's relay receives a chat's live events, and still does after the silo that carried the stream was killed
/// and another took over (stream subscriptions are kept in PostgreSQL, the PubSubStore).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LiveDeliveryAfterRestartTests(PostgresServer postgres) : ClusterTestBase(postgres)
{
    [Fact]
    public async Task The_relay_still_receives_a_chats_events_after_its_silo_was_killed_and_replaced()
    {
        var (silo, _, _) = await StartSiloAsync();
        var webNode = await ConnectThroughMembershipAsync();
        var producer = await ConnectThroughMembershipAsync();
        var hub = new RecordingHubContext();
        var relay = new ChatRelay(webNode, hub, NullLogger<ChatRelay>.Instance);
        var chatId = Guid.NewGuid();
        await relay.AddAsync(chatId, "connection-1", Guid.NewGuid());

        await PublishAsync(producer, chatId, 1);
        await WaitForAsync(hub, chatId, 1);
        await relay.HealAsync(); // learns the cluster as it is

        silo.Kill();
        await StartSiloAsync();
        // What the web node's healing service does every 5 s; events published in between come from the log.
        await RetryAsync(relay.HealAsync);
        await PublishAsync(producer, chatId, 2);

        await WaitForAsync(hub, chatId, 2);
    }

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
                await Task.Delay(500);
            }
        }
    }

    private static async Task PublishAsync(IClusterClient client, Guid chatId, long seq)
    {
        var stream = client.GetStreamProvider(StreamNames.Provider).GetStream<ChatEvent>(StreamId.Create(StreamNames.Chat, chatId));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await stream.OnNextAsync(new ChatEvent(chatId, seq, ChatEventType.Posted, null, []));
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
            if (hub.Sent.Any(s => s.Target == ChatRelay.Group(chatId) && s.Args.FirstOrDefault() is ChatEvent e && e.Seq == seq))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Event {seq} of chat {chatId} did not reach the relay within 30 s; it got: {string.Join(", ", hub.Sent.Select(s => s.Target))}");
    }
}
