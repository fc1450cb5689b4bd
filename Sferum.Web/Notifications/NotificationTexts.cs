using Microsoft.Extensions.Localization;
using Sferum.Notifications;
using Sferum.Web.Localization;

namespace Sferum.Web.Notifications;

/// <summary>
/// How the centre names each kind, and where a notification leads. The names are the ones the badge's script shows in
/// a device notification (js/notifications.js), so both read them from <see cref="ScriptResource"/> (Notify.*).
/// </summary>
public sealed class NotificationTexts(IStringLocalizer<ScriptResource> texts)
{
    public string Describe(NotificationKind kind) => texts[kind switch
    {
        NotificationKind.Mention => "Notify.Mention",
        NotificationKind.Reply => "Notify.Reply",
        NotificationKind.Announcement => "Notify.Announcement",
        NotificationKind.PollClosing => "Notify.PollClosing",
        NotificationKind.MeetingStarted => "Notify.MeetingStarted",
        NotificationKind.InvitationApproved => "Notify.InvitationApproved",
        NotificationKind.DirectMessage => "Notify.DirectMessages",
        _ => "Notify.Other",
    }];

    /// <summary>For the settings: what turning the kind off means.</summary>
    public string Explain(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => texts["Notify.ExplainMention"],
        NotificationKind.Reply => texts["Notify.ExplainReply"],
        NotificationKind.Announcement => texts["Notify.ExplainAnnouncement"],
        NotificationKind.PollClosing => texts["Notify.ExplainPollClosing"],
        NotificationKind.MeetingStarted => texts["Notify.ExplainMeetingStarted"],
        NotificationKind.InvitationApproved => texts["Notify.ExplainInvitationApproved"],
        NotificationKind.DirectMessage => texts["Notify.ExplainDirectMessage"],
        _ => "",
    };

    /// <summary>The message (its place in the chat), the meeting, or the chat.</summary>
    public static string Href(Notification n) =>
        n.MeetingId is { } meeting ? $"/Meetings/{meeting}"
        : n.ChatId is { } chat && n.Seq is { } seq ? $"/Chats/{chat}#seq-{seq}"
        : n.ChatId is { } only ? $"/Chats/{only}"
        : "/Chats";
}
