namespace Sferum.Chats;

/// <summary>What one entry of a chat's log did. Every entry has its own gapless sequence number.</summary>
[GenerateSerializer, Alias("Sferum.ChatEventType")]
public enum ChatEventType
{
    Posted = 0,
    Edited = 1,
    Deleted = 2,
    Reacted = 3,
    Pinned = 4,

    /// <summary>A moderator hid the message: it loses its text and files like a deleted one, marked as hidden.</summary>
    Hidden = 5,

    /// <summary>Not in the log: the chat's members changed (sent live so that open connections follow at once).</summary>
    MembersChanged = 100,

    /// <summary>Not in the log: a poll's results changed (a vote, closing). Carries the results, not anyone's own choice.</summary>
    PollUpdated = 101,

    /// <summary>Not in the log: a meeting's card changed (it went live, ended, its recording is ready). Carries only the id.</summary>
    MeetingUpdated = 102,
}
