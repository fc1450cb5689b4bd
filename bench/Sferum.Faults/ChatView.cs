using Sferum.Chats;

namespace Sferum.Faults;

/// <summary>
/// One member's view of one chat, built the way the browser builds it: events are applied strictly in sequence order,
/// each once; an event past a gap waits until what is missing has been fetched (<see cref="NeedsCatchup"/>). Every
/// applied entry is kept for the checker, including any that arrive after the member was removed from the chat.
/// Not thread-safe: its member locks around it.
/// </summary>
public sealed class ChatView(Guid chatId, long startAfter)
{
    private readonly SortedDictionary<long, ViewEntry> waiting = [];
    private int liveConnection = -1;
    private long lastLiveSeq;

    public Guid ChatId { get; } = chatId;

    /// <summary>The view begins after this sequence number (0 for a member from the start; later for one who joined).</summary>
    public long StartAfter { get; } = startAfter;

    public long LastSeq { get; private set; } = startAfter;

    public List<ViewEntry> Entries { get; } = [];

    /// <summary>Events that arrived past a gap: the client must ask for what it missed.</summary>
    public bool NeedsCatchup => waiting.Count > 0;

    /// <summary>When the last live event came (harness clock); a quiet chat is caught up as the browser does.</summary>
    public double LastHeard { get; private set; }

    /// <summary>Applies one event. Returns a description of a repeat on one connection (a server fault), else null.</summary>
    public string? Apply(ChatEvent e, double at, int connection)
    {
        string? repeat = null;
        if (connection >= 0)
        {
            LastHeard = at;
            if (connection == liveConnection && e.Seq <= lastLiveSeq)
            {
                repeat = $"chat {ChatId}: seq {e.Seq} arrived live after seq {lastLiveSeq} on the same connection";
            }

            (liveConnection, lastLiveSeq) = (connection, Math.Max(e.Seq, connection == liveConnection ? lastLiveSeq : 0));
        }

        if (e.Seq <= LastSeq)
        {
            return repeat;
        }

        waiting[e.Seq] = new ViewEntry(e.Seq, e.Message?.AuthorId ?? Guid.Empty, e.Message?.ClientId, at, connection >= 0);
        while (waiting.Remove(LastSeq + 1, out var next))
        {
            // The time the member has it: an event that waited past a gap counts from when the gap was filled.
            Entries.Add(next with { At = at });
            LastSeq = next.Seq;
        }

        return repeat;
    }
}
