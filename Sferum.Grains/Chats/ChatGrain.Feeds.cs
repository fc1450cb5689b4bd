using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Sferum.Chats;

/// <summary>
/// Live delivery: the web nodes that have connections of this chat's members, and the push to them after each commit.
/// A grain call straight to each node, not a stream: Orleans' streams poll their queues, and the polling period
/// (10 ms here) was most of a message's latency (docs/benchmarks.md). The list lives only in memory; nodes renew
/// their registration every minute and at once when the cluster changes, so a chat re-activated elsewhere learns
/// them again, and clients fill any gap from the log.
/// </summary>
public sealed partial class ChatGrain
{
    private ObserverManager<IChatFeed>? feeds;

    private ObserverManager<IChatFeed> Feeds => feeds ??= new ObserverManager<IChatFeed>(ChatFeeds.Expiry, logger);

    public Task<FeedRegistration> WatchAsync(IChatFeed feed, IReadOnlyList<Guid> userIds)
    {
        Feeds.Subscribe(feed, feed);
        return Task.FromResult(new FeedRegistration(lastSeq, userIds.Where(u => !membership.IsMember(u)).ToList()));
    }

    public async Task<IReadOnlyList<ChatEvent>> FeedCatchupAsync(long afterSeq, int limit)
    {
        var events = await store.EventsAfterAsync(ChatId, Math.Max(0, afterSeq), Math.Clamp(limit, 1, 500));
        // As live: no notification for the members that the school's quiet hours silence now.
        var quiet = QuietForStudentsNow();
        return events.Select(e => e.Type == ChatEventType.Posted ? e with { QuietForStudents = quiet } : e).ToList();
    }

    public Task UnwatchAsync(IChatFeed feed)
    {
        Feeds.Unsubscribe(feed);
        return Task.CompletedTask;
    }

    public Task BroadcastAsync(ChatEvent e)
    {
        // Only what has no place in the log may come from outside it: a poll's tally or a nudge that a meeting's card
        // changed (its id only: pages read the card, with their own rights), for this chat. Everything else reaches
        // members only through a commit here.
        if (e is { Type: ChatEventType.PollUpdated, Poll: not null } or { Type: ChatEventType.MeetingUpdated, Meeting: not null } && e.ChatId == ChatId)
        {
            Deliver([e]);
        }
        else
        {
            logger.LogWarning("Chat {ChatId}: a live-only event of type {Type} for chat {Target} was refused", ChatId, e.Type, e.ChatId);
        }

        return Task.CompletedTask;
    }

    /// <summary>One one-way call per watching node, in commit order; each node fans the events out to its connections.</summary>
    private void Deliver(IReadOnlyList<ChatEvent> events)
    {
        if (feeds is { Count: > 0 })
        {
            feeds.Notify(feed => feed.DeliverAsync(events));
        }
    }
}
