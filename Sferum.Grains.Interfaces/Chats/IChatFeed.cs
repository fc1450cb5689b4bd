using Orleans.Concurrency;

namespace Sferum.Chats;

/// <summary>
/// A web node's receiver of one chat's live events. The chat grain calls it right after each commit, one way: a slow
/// or dead node never holds the chat back. Nothing is resent; a client that notices a gap in <see cref="ChatEvent.Seq"/>
/// catches up from the log. One feed per chat per node keeps each chat's events in order (a client object handles its
/// calls one at a time) while different chats go on in parallel.
/// </summary>
[Alias("Sferum.IChatFeed")]
public interface IChatFeed : IGrainObserver
{
    /// <summary>Events of one commit (or one live-only event), in log order.</summary>
    [OneWay, Alias("Deliver")]
    Task DeliverAsync(IReadOnlyList<ChatEvent> events);
}
