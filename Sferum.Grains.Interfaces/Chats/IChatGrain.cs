using Orleans.Concurrency;

namespace Sferum.Chats;

/// <summary>
/// One chat, keyed by its id, and the single writer of its log: it checks membership and rights, gives every event a
/// gapless sequence number, commits it to PostgreSQL before acknowledging, then publishes it on the chat's stream.
/// Class and parents' chats take their members from the class (and follow it when the roster changes).
/// </summary>
[Alias("Sferum.IChatGrain")]
public interface IChatGrain : IGrainWithGuidKey
{
    /// <summary>Sends a message; returns it as stored (the original one for a repeated client id).</summary>
    [Alias("Send")]
    Task<ChatMessage> SendAsync(Guid userId, SendMessage message);

    /// <summary>Edits the text of the user's own message.</summary>
    [Alias("Edit")]
    Task<ChatMessage> EditAsync(Guid userId, long seq, string text);

    /// <summary>Deletes a message: its author, or a moderator (a teacher of the class, a school admin).</summary>
    [Alias("Delete")]
    Task<ChatMessage> DeleteAsync(Guid userId, long seq);

    /// <summary>Adds or (with <paramref name="on"/> false) removes the user's reaction.</summary>
    [Alias("React")]
    Task<ChatMessage> ReactAsync(Guid userId, long seq, string emoji, bool on);

    /// <summary>The files posted in the chat (its materials), newest first. Members only.</summary>
    [Alias("Materials"), AlwaysInterleave]
    Task<IReadOnlyList<ChatMaterial>> MaterialsAsync(Guid userId);

    /// <summary>One attachment of a message, for downloading; members only.</summary>
    [Alias("GetAttachment"), AlwaysInterleave]
    Task<ChatAttachment> GetAttachmentAsync(Guid userId, long seq, int index);

    /// <summary>Pins or unpins a message (teachers of the class, school admins).</summary>
    [Alias("Pin")]
    Task<ChatMessage> PinAsync(Guid userId, long seq, bool on);

    /// <summary>The pinned messages, oldest first.</summary>
    [Alias("Pinned"), AlwaysInterleave]
    Task<IReadOnlyList<ChatMessage>> PinnedAsync(Guid userId);

    /// <summary>Messages before (older) or after (newer) a sequence number, oldest first.</summary>
    [Alias("History"), AlwaysInterleave]
    Task<ChatPage> HistoryAsync(Guid userId, long? beforeSeq, long? afterSeq, int limit);

    /// <summary>Log entries after <paramref name="afterSeq"/>, each with its message's current state, for catching up.</summary>
    [Alias("Catchup"), AlwaysInterleave]
    Task<IReadOnlyList<ChatEvent>> CatchupAsync(Guid userId, long afterSeq, int limit);

    /// <summary>Marks the chat read up to <paramref name="seq"/> for the user.</summary>
    [Alias("MarkRead"), AlwaysInterleave]
    Task MarkReadAsync(Guid userId, long seq);

    [Alias("GetReceipt"), AlwaysInterleave]
    Task<ReadReceipt> GetReceiptAsync(Guid userId, long seq);

    /// <summary>The chat for the list: title, unread count, last message. Members only.</summary>
    [Alias("GetSummary"), AlwaysInterleave]
    Task<ChatSummary> GetSummaryAsync(Guid userId);

    /// <summary>The chat's kind, school, title and the member's rights; non-members are refused.</summary>
    [Alias("GetAccess"), AlwaysInterleave]
    Task<ChatAccess> GetAccessAsync(Guid userId);

    /// <summary>
    /// Everyone in the chat now. For the grains that belong to the chat's messages (polls, announcements), which decide
    /// who may see the list; the web never calls it.
    /// </summary>
    [Alias("MemberIds"), AlwaysInterleave]
    Task<IReadOnlyList<Guid>> MemberIdsAsync();

    /// <summary>The members' names, for @ in the composer (members only; names and nothing else).</summary>
    [Alias("MemberNames"), AlwaysInterleave]
    Task<IReadOnlyList<ChatMemberName>> MemberNamesAsync(Guid userId);

    /// <summary>
    /// Hands a notification of this chat (a poll closing soon, a meeting that started) to its members' notification
    /// centres, one way. For the grains of the chat's polls, meetings and invitations; the web never calls it.
    /// </summary>
    [Alias("NotifyMembers"), OneWay]
    Task NotifyMembersAsync(ChatNotice notice);

    /// <summary>True when the user is a member now.</summary>
    [Alias("IsMember"), AlwaysInterleave]
    Task<bool> IsMemberAsync(Guid userId);

    /// <summary>One message as members see it (for reporting it); members only.</summary>
    [Alias("GetMessage"), AlwaysInterleave]
    Task<ChatMessage> GetMessageAsync(Guid userId, long seq);

    /// <summary>True for the chat's moderators (teachers of the class, community leaders) and the school's admins.</summary>
    [Alias("IsModerator"), AlwaysInterleave]
    Task<bool> IsModeratorAsync(Guid userId);

    /// <summary>Hides a message (moderators): its text and files are gone for everyone; audited.</summary>
    [Alias("Hide")]
    Task<ChatMessage> HideAsync(Guid moderatorId, long seq);

    /// <summary>Stops a member (not a moderator) from writing until <paramref name="until"/> (at most a week); audited.</summary>
    [Alias("Mute")]
    Task MuteAsync(Guid moderatorId, Guid memberId, DateTimeOffset until);

    /// <summary>Removes a member (not a moderator) from the chat, whatever the journal says; audited.</summary>
    [Alias("RemoveMember")]
    Task RemoveMemberAsync(Guid moderatorId, Guid memberId);

    /// <summary>
    /// A school admin reads the chat for safety without being in it; every call is written to the school's audit log,
    /// which all its admins see.
    /// </summary>
    [Alias("Review"), AlwaysInterleave]
    Task<ChatPage> ReviewAsync(Guid adminId, long? beforeSeq, int limit);

    /// <summary>
    /// A web node with connections of this chat's members asks for its live events. A node renews its feeds every
    /// <see cref="ChatFeeds.RenewEvery"/>; one not renewed within <see cref="ChatFeeds.Expiry"/> is forgotten. The node
    /// names the people it serves in the chat; the answer says which of them are not members now, and where the log ends.
    /// </summary>
    [Alias("Watch")]
    Task<FeedRegistration> WatchAsync(IChatFeed feed, IReadOnlyList<Guid> userIds);

    /// <summary>
    /// Log entries after <paramref name="afterSeq"/> for a web node filling a gap in its live delivery (a registration
    /// lost with a silo, events overtaking each other). For the node, not for a person: it has already checked that
    /// each connection it feeds belongs to a member, and people's own catch-up goes through <see cref="CatchupAsync"/>.
    /// </summary>
    [Alias("FeedCatchup"), AlwaysInterleave]
    Task<IReadOnlyList<ChatEvent>> FeedCatchupAsync(long afterSeq, int limit);

    /// <summary>The node's last connection of the chat has gone.</summary>
    [Alias("Unwatch")]
    Task UnwatchAsync(IChatFeed feed);

    /// <summary>Passes a live-only event (no log entry, e.g. a poll's new tally) to the nodes watching the chat.</summary>
    [Alias("Broadcast"), OneWay]
    Task BroadcastAsync(ChatEvent e);

    /// <summary>The class's roster changed: re-read who is in the chat (called by the class grain).</summary>
    [Alias("MembersChanged")]
    Task MembersChangedAsync();

    /// <summary>
    /// Personal-data erasure (trusted host code): the person's name leaves this chat's memory (names, recent posts) and
    /// the members are read again, after the erasure renamed their messages in the database.
    /// </summary>
    [Alias("PersonErased")]
    Task PersonErasedAsync(Guid userId);

    /// <summary>
    /// The person's name changed at the identity provider (seen at her sign-in; trusted host code): the chat forgets
    /// the name it kept, so that her next post, the @ list and a direct chat's title carry the new one. Messages
    /// already posted keep the name they were posted under. It asks for no caller: it only forgets, and reveals nothing.
    /// </summary>
    [Alias("PersonRenamed")]
    Task PersonRenamedAsync(Guid userId);
}
