using System.Diagnostics;

namespace Sferum.Chats;

/// <summary>
/// The span of one batch commit. It sits under the first sender's grain call, so that sender's trace runs from the hub
/// through the commit (and its database statement) to the delivering web nodes; every other sender in the batch is
/// linked to it.
/// </summary>
internal static class ChatTrace
{
    private static readonly ActivitySource Source = new("Sferum.Chats");

    /// <summary>The caller's trace, kept with a pending event until its batch commits.</summary>
    public static ActivityContext Current => Activity.Current?.Context ?? default;

    public static Activity? StartCommit(Guid chatId, IReadOnlyList<PendingEvent> batch)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var links = batch.Skip(1).Where(e => e.Trace != default).Select(e => new ActivityLink(e.Trace));
        var activity = Source.StartActivity("chat commit", ActivityKind.Internal, batch[0].Trace, links: links);
        activity?.SetTag("sferum.chat.id", chatId.ToString());
        activity?.SetTag("sferum.chat.batch_size", batch.Count);
        return activity;
    }

    /// <summary>The sequence numbers the commit gave out: an operator finds the commit of message N by them.</summary>
    public static void Committed(Activity? commit, long firstSeq, long lastSeq)
    {
        commit?.SetTag("sferum.chat.seq.first", firstSeq);
        commit?.SetTag("sferum.chat.seq.last", lastSeq);
    }
}
