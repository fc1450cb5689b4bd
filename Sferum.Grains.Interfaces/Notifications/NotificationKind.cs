namespace Sferum.Notifications;

/// <summary>What a notification is about. Stored by number in grain state: never renumber, only add.</summary>
public enum NotificationKind
{
    /// <summary>Someone named the person with @ in a message.</summary>
    Mention = 0,

    /// <summary>Someone answered one of the person's messages.</summary>
    Reply = 1,

    /// <summary>An announcement that asks the person to confirm «ознакомлен».</summary>
    Announcement = 2,

    /// <summary>A poll the person has not answered closes soon.</summary>
    PollClosing = 3,

    /// <summary>A meeting started in one of the person's chats.</summary>
    MeetingStarted = 4,

    /// <summary>A teacher approved the person's request to join through an invitation link.</summary>
    InvitationApproved = 5,

    /// <summary>A new message in a direct chat: pushed live (badge, system notification), never kept in the centre —
    /// the chat list already counts it as unread.</summary>
    DirectMessage = 6,
}
