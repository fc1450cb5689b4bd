using Microsoft.Extensions.Logging.Abstractions;
using Sferum.Chats;
using Sferum.Web.Chats;

namespace Sferum.Web.Tests;

/// <summary>
/// A web node's feed of one chat passes the log's events to its connections in sequence order and each once, however
/// the one-way calls from the chat arrive, and fetches from the chat what it missed. Pure logic: the connections and
/// the chat are two functions here.
/// </summary>
public sealed class ChatFeedOrderTests
{
    private static readonly Guid Chat = Guid.NewGuid();
    private readonly List<long> passed = [];
    private readonly List<long> fetchedAfter = [];
    private long logEnd;

    [Fact]
    public async Task Events_that_overtake_each_other_are_passed_in_order_and_late_copies_are_dropped()
    {
        var feed = Feed();
        logEnd = 1;
        await feed.RegisteredAsync(0);
        logEnd = 3;

        await feed.DeliverAsync([Event(1)]);
        await feed.DeliverAsync([Event(3)]);
        await feed.DeliverAsync([Event(2)]);
        await feed.DeliverAsync([Event(1), Event(3)]);

        Assert.Equal([1L, 2L, 3L], passed);
        Assert.Equal([1L], fetchedAfter); // the gap after 1 was filled from the chat at once
    }

    [Fact]
    public async Task A_registration_that_finds_the_log_ahead_fetches_what_was_missed()
    {
        var feed = Feed();
        await feed.RegisteredAsync(4);
        await feed.DeliverAsync([Event(5)]);
        logEnd = 9; // the chat's silo died; 6–9 were committed by a new activation that did not know this node

        await feed.BeginRegistrationAsync();
        await feed.DeliverAsync([Event(10)]); // already called by the chat before the answer came: it waits
        Assert.Equal([5L], passed);
        logEnd = 10;
        await feed.RegisteredAsync(9);

        Assert.Equal([5L, 6L, 7L, 8L, 9L, 10L], passed);
    }

    [Fact]
    public async Task When_the_chat_cannot_be_asked_what_waited_is_passed_and_clients_fill_the_gap_themselves()
    {
        var feed = new ChatFeed(Chat, e => Pass(e), (_, _) => throw new TimeoutException("the chat's silo is away"), NullLogger.Instance);
        await feed.RegisteredAsync(0);
        await feed.DeliverAsync([Event(1)]);

        await feed.DeliverAsync([Event(3)]);

        Assert.Equal([1L, 3L], passed);
    }

    [Fact]
    public async Task A_late_copy_that_arrives_while_the_feed_registers_again_is_dropped()
    {
        // The rolling upgrade's failure: a web node stopped gracefully, its people reconnected here at once, and each
        // one opening the chat registered the feed again while the chat kept committing.
        var feed = Feed();
        await feed.RegisteredAsync(0);
        await feed.DeliverAsync([Event(1)]);

        // The chat commits 2–4; its one-way calls are slow. A person opens the chat: the registration finds the log
        // ahead and the feed fetches 2–4 itself.
        logEnd = 4;
        await feed.BeginRegistrationAsync();
        await feed.RegisteredAsync(4);
        Assert.Equal([1L, 2L, 3L, 4L], passed);

        // The next person opens the chat, and the slow calls with 2–4 arrive while that registration is under way.
        await feed.BeginRegistrationAsync();
        await feed.DeliverAsync([Event(2), Event(3)]);
        await feed.DeliverAsync([Event(4)]);
        await feed.RegisteredAsync(4);

        logEnd = 5;
        await feed.DeliverAsync([Event(5)]);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], passed);
    }

    [Fact]
    public async Task A_first_registration_passes_nothing_at_or_below_the_log_end_it_was_told()
    {
        // The connections of a new feed catch up by themselves to where the log ended at registration; a call the
        // chat made before that must neither reach them nor move the feed back.
        var feed = Feed();
        logEnd = 7;
        await feed.BeginRegistrationAsync();
        await feed.DeliverAsync([Event(5)]);
        await feed.RegisteredAsync(7);

        logEnd = 8;
        await feed.DeliverAsync([Event(8)]);
        Assert.Equal([8L], passed);
    }

    private ChatFeed Feed() => new(Chat, Pass, Fetch, NullLogger.Instance);

    private Task Pass(ChatEvent e)
    {
        passed.Add(e.Seq);
        return Task.CompletedTask;
    }

    private Task<IReadOnlyList<ChatEvent>> Fetch(Guid chatId, long afterSeq)
    {
        fetchedAfter.Add(afterSeq);
        IReadOnlyList<ChatEvent> events = Enumerable.Range((int)afterSeq + 1, (int)Math.Max(0, logEnd - afterSeq)).Select(s => Event(s)).ToList();
        return Task.FromResult(events);
    }

    private static ChatEvent Event(long seq) => new(Chat, seq, ChatEventType.Posted, null, []);
}
