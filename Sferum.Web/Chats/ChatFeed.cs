using Sferum.Chats;

namespace Sferum.Web.Chats;

/// <summary>
/// This node's feed of one chat: the connections here that belong to the chat's members, and the client object the
/// chat grain calls with each commit's events. It passes the log's events to the connections strictly in sequence
/// order and each once. Orleans does not promise that one-way calls arrive in the order they were made (the fault
/// test saw them overtake each other while a silo died), and a registration lost with a silo misses what was committed
/// until it is made again: an event past a gap, or a re-registration that finds the log ahead, makes the feed fetch
/// the missing events from the chat first. Live-only events (members changed, a poll's tally) pass at once.
/// </summary>
public sealed class ChatFeed(
    Guid chatId, Func<ChatEvent, Task> deliver, Func<Guid, long, Task<IReadOnlyList<ChatEvent>>> fetch, ILogger logger) : IChatFeed
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly SortedDictionary<long, ChatEvent> ahead = [];

    // The last sequence number passed to the connections; -1 until the first registration or event says where the log is.
    private long delivered = -1;

    // While a registration is under way the chat may already call: its log events wait until the answer has said who
    // is no longer a member.
    private bool registering;

    public Guid ChatId { get; } = chatId;

    /// <summary>This feed's SignalR group of connections (its own: a successor feed of the same chat has another).</summary>
    public string Group { get; } = $"chat:{chatId:N}:{Guid.NewGuid():N}";

    /// <summary>Connection id → user id (guarded by the relay's lock).</summary>
    public Dictionary<string, Guid> Connections { get; } = [];

    /// <summary>The reference the chat grain holds (set once, by the relay).</summary>
    public IChatFeed? Reference { get; set; }

    /// <summary>The latest registration with the chat grain; null when it failed and must be made again.</summary>
    public Task? Watching { get; set; }

    public async Task DeliverAsync(IReadOnlyList<ChatEvent> events)
    {
        await turn.WaitAsync();
        try
        {
            foreach (var e in events)
            {
                if (e.Type >= ChatEventType.MembersChanged)
                {
                    await deliver(e);
                }
                else if (!registering && (delivered < 0 || e.Seq == delivered + 1))
                {
                    await PassAsync(e);
                }
                else
                {
                    Hold(e);
                }
            }

            if (ahead.Count > 0 && !registering)
            {
                await FillAsync();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>The relay is about to register the feed with the chat: hold log events until it has the answer.</summary>
    public async Task BeginRegistrationAsync()
    {
        await turn.WaitAsync();
        registering = true;
        turn.Release();
    }

    /// <summary>
    /// The chat grain has (again) registered this feed, the relay has dropped the connections of people who left, and
    /// the log ends at <paramref name="lastSeq"/>: pass what waited, and fetch anything missed before it.
    /// </summary>
    public async Task RegisteredAsync(long lastSeq)
    {
        await turn.WaitAsync();
        try
        {
            registering = false;
            if (delivered < 0)
            {
                // Connections opened the chat and catch up by themselves up to here: what the chat called with before
                // the answer came and lies at or below it is not theirs to get live.
                delivered = lastSeq;
                foreach (var seq in ahead.Keys.Where(s => s <= delivered).ToList())
                {
                    ahead.Remove(seq);
                }
            }

            if (lastSeq > delivered || ahead.Count > 0)
            {
                await FillAsync();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>The registration failed (the relay tries again later): pass what waited rather than keep it.</summary>
    public async Task RegistrationFailedAsync()
    {
        await turn.WaitAsync();
        try
        {
            registering = false;
            if (delivered < 0 && ahead.Count > 0)
            {
                delivered = ahead.Keys.First() - 1;
            }

            if (ahead.Count > 0)
            {
                await FillAsync();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Keeps a log event that cannot be passed yet (past a gap, or a registration is under way). One at or below what
    /// was passed already is a late copy and is dropped, while registering too: a held copy would be passed a second
    /// time. The rolling upgrade's fault run saw it when a web node stopped gracefully and its people reconnected to
    /// this one at once: each of them opening the chat registered the feed again, a registration that found the log
    /// ahead fetched the events whose one-way calls were still on their way, those calls arrived during the next
    /// registration, and the connections got the same run of events twice (seq 179–182 after 182).
    /// </summary>
    private void Hold(ChatEvent e)
    {
        if (delivered < 0 || e.Seq > delivered)
        {
            ahead[e.Seq] = e;
        }
    }

    private async Task PassAsync(ChatEvent e)
    {
        await deliver(e);
        delivered = e.Seq;
        while (ahead.Remove(delivered + 1, out var next))
        {
            await deliver(next);
            delivered = next.Seq;
        }
    }

    /// <summary>Fetches what lies between the last passed event and the log's end (or the events waiting ahead).</summary>
    private async Task FillAsync()
    {
        try
        {
            IReadOnlyList<ChatEvent> missing;
            do
            {
                missing = await fetch(ChatId, delivered);
                foreach (var e in missing)
                {
                    Hold(e);
                }

                while (ahead.Remove(delivered + 1, out var next))
                {
                    await deliver(next);
                    delivered = next.Seq;
                }
            }
            while (missing.Count == ChatRelay.FetchLimit);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Chat {ChatId}: events missed by this node could not be fetched; clients will catch up by themselves", ChatId);
        }

        if (ahead.Count > 0)
        {
            // A hole the log could not fill now (the database is away): pass what is here; each client sees the gap
            // and asks for it itself.
            foreach (var e in ahead.Values)
            {
                await deliver(e);
                delivered = e.Seq;
            }

            ahead.Clear();
        }
    }
}
