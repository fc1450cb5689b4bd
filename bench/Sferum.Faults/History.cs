using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sferum.Faults;

/// <summary>How one attempt to send a message ended, as the sending client saw it.</summary>
public enum AttemptOutcome
{
    /// <summary>The hub returned the stored message: acknowledged with a sequence number.</summary>
    Acked,

    /// <summary>The server answered with an error: the message must not have been stored by this attempt.</summary>
    Refused,

    /// <summary>No answer (connection lost, timed out): the attempt may or may not have been stored; the client retries.</summary>
    Unknown,
}

/// <summary>
/// One attempt to send the message <paramref name="ClientId"/>, written by its person at <paramref name="Written"/>
/// (it may wait in the outbox for a connection first); times in seconds on the harness clock.
/// </summary>
public sealed record SendAttempt(
    int Member, Guid ChatId, string ClientId, double Written, double Start, double End, AttemptOutcome Outcome, long Seq, string? Error);

/// <summary>A log entry as one member's client applied it to its view of a chat, live or fetched after a gap or reconnect.</summary>
public sealed record ViewEntry(long Seq, Guid AuthorId, string? ClientId, double At, bool Live);

/// <summary>A student moved to another class through the journal: removed from <paramref name="FromChat"/> by then.</summary>
public sealed record Move(int Member, Guid UserId, Guid FromChat, Guid ToChat, double Start, double End);

/// <summary>One injected fault: when it began and when the harness had undone it (process restarted, server resumed).</summary>
public sealed record FaultWindow(string Kind, string Target, double Injected, double Restored);

/// <summary>
/// Everything the simulated people did and saw, appended from many threads, read by the checker at the end. Times are
/// seconds since the harness started, on one monotonic clock.
/// </summary>
public sealed class History
{
    private readonly long started = Stopwatch.GetTimestamp();

    public ConcurrentQueue<SendAttempt> Attempts { get; } = new();

    public ConcurrentQueue<Move> Moves { get; } = new();

    public ConcurrentQueue<FaultWindow> Faults { get; } = new();

    /// <summary>The HA test's failovers as the pg_auto_failover monitor reported them.</summary>
    public ConcurrentQueue<FailoverRecord> Failovers { get; } = new();

    /// <summary>The same event twice on one connection (not across a reconnect, where a client expects overlap).</summary>
    public ConcurrentQueue<string> RepeatedOnConnection { get; } = new();

    public double Now => Stopwatch.GetElapsedTime(started).TotalSeconds;
}
