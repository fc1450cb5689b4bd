namespace Sferum.Chats;

/// <summary>An event waiting for the next batch commit, and the caller waiting for its acknowledgement.</summary>
public sealed class PendingEvent(ChatEventType type, Guid authorId, string authorName)
{
    public ChatEventType Type { get; } = type;

    public Guid AuthorId { get; } = authorId;

    public string AuthorName { get; } = authorName;

    public string? ClientId { get; init; }

    public string? Text { get; init; }

    public long? ReplyTo { get; init; }

    public long? TargetSeq { get; init; }

    public IReadOnlyList<ChatAttachment> Attachments { get; init; } = [];

    public string? Emoji { get; init; }

    public Guid? PollId { get; init; }

    public bool RequiresAck { get; init; }

    public Guid? MeetingId { get; init; }

    /// <summary>The members the post names with @ (checked by the chat).</summary>
    public IReadOnlyList<Guid> Mentions { get; init; } = [];

    /// <summary>For reactions and pins: set (true) or clear (false).</summary>
    public bool On { get; init; }

    public long Seq { get; set; }

    /// <summary>The sender's trace (none when nothing listens): the commit's span links to it.</summary>
    public System.Diagnostics.ActivityContext Trace { get; } = ChatTrace.Current;

    public TaskCompletionSource<ChatMessage> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
