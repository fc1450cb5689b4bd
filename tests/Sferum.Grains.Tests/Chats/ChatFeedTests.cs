using System.Threading.Channels;
using Sferum.Chats;
using Sferum.Polls;

namespace Sferum.Grains.Tests.Chats;

/// <summary>
/// Live delivery from the chat grain: a web node's feed gets each committed event once, in order, and stops getting
/// them when it leaves; nothing but a poll's tally reaches it from outside the log.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class ChatFeedTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_watching_feed_gets_each_committed_event_in_order_and_none_after_it_unwatches()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var feed = new RecordingFeed();
        var reference = env.Cluster.Client.CreateObjectReference<IChatFeed>(feed);
        await chat.WatchAsync(reference, []);

        var first = await chat.SendAsync(fx.Teacher, new SendMessage("f-1", "Первое", null));
        var second = await chat.SendAsync(fx.Student, new SendMessage("f-2", "Второе", null));
        await chat.SendAsync(fx.Student, new SendMessage("f-2", "Второе", null)); // a retry: stored once, delivered once
        Assert.Equal([first.Seq, second.Seq], [(await feed.NextAsync()).Seq, (await feed.NextAsync()).Seq]);

        await chat.UnwatchAsync(reference);
        await chat.SendAsync(fx.Teacher, new SendMessage("f-3", "После", null));
        await chat.WatchAsync(reference, []);
        var fourth = await chat.SendAsync(fx.Teacher, new SendMessage("f-4", "Снова", null));
        Assert.Equal(fourth.Seq, (await feed.NextAsync()).Seq); // the one sent while it was away never came
    }

    [Fact]
    public async Task Registering_says_where_the_log_ends_and_who_of_the_node_s_people_is_not_a_member()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var sent = await chat.SendAsync(fx.Teacher, new SendMessage("r-1", "До регистрации", null));
        var outsider = Guid.NewGuid();

        var registration = await chat.WatchAsync(env.Cluster.Client.CreateObjectReference<IChatFeed>(new RecordingFeed()), [fx.Student, outsider]);

        Assert.Equal(sent.Seq, registration.LastSeq);
        Assert.Equal([outsider], registration.NotMembers);
        // A node that missed the event (its registration was lost with a silo) fetches it from the chat.
        var missed = Assert.Single(await chat.FeedCatchupAsync(sent.Seq - 1, 10));
        Assert.Equal(("r-1", sent.Seq), (missed.Message!.ClientId, missed.Seq));
    }

    [Fact]
    public async Task Only_a_poll_tally_for_this_chat_passes_from_outside_the_log()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var feed = new RecordingFeed();
        await chat.WatchAsync(env.Cluster.Client.CreateObjectReference<IChatFeed>(feed), []);
        var forged = new ChatMessage(fx.ClassChat, 99, fx.Teacher, "Учитель", "Поддельное", null, DateTimeOffset.UtcNow, null, false, "x", new Dictionary<string, IReadOnlyList<Guid>>());

        await chat.BroadcastAsync(new ChatEvent(fx.ClassChat, 99, ChatEventType.Posted, forged, []));
        await chat.BroadcastAsync(new ChatEvent(fx.OtherClassChat, 0, ChatEventType.PollUpdated, null, [], Tally(fx.OtherClassChat)));
        await chat.BroadcastAsync(new ChatEvent(fx.ClassChat, 0, ChatEventType.PollUpdated, null, [], Tally(fx.ClassChat)));

        var only = await feed.NextAsync();
        Assert.Equal(ChatEventType.PollUpdated, only.Type);
        Assert.Equal(fx.ClassChat, only.ChatId);
    }

    private static PollView Tally(Guid chatId) =>
        new(Guid.NewGuid(), chatId, null, "Экскурсия?", [], false, false, null, false, 1, false, null, false);

    private sealed class RecordingFeed : IChatFeed
    {
        private readonly Channel<ChatEvent> events = Channel.CreateUnbounded<ChatEvent>();

        public Task DeliverAsync(IReadOnlyList<ChatEvent> batch)
        {
            foreach (var e in batch)
            {
                events.Writer.TryWrite(e);
            }

            return Task.CompletedTask;
        }

        public async Task<ChatEvent> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await events.Reader.ReadAsync(timeout.Token);
        }
    }
}
