using Sferum.Notifications;

namespace Sferum.Web.Notifications;

/// <summary>How the centre names each kind, and where a notification leads.</summary>
public static class NotificationTexts
{
    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => "Вас упомянули",
        NotificationKind.Reply => "Ответ на ваше сообщение",
        NotificationKind.Announcement => "Объявление: подтвердите «ознакомлен»",
        NotificationKind.PollClosing => "Опрос скоро закроется",
        NotificationKind.MeetingStarted => "Началась встреча",
        NotificationKind.InvitationApproved => "Заявка одобрена",
        NotificationKind.DirectMessage => "Личные сообщения",
        _ => "Уведомление",
    };

    /// <summary>For the settings: what turning the kind off means.</summary>
    public static string Explain(NotificationKind kind) => kind switch
    {
        NotificationKind.Mention => "кто-то написал @ и ваше имя (приходят и из чатов без звука)",
        NotificationKind.Reply => "кто-то ответил на ваше сообщение",
        NotificationKind.Announcement => "учитель просит подтвердить, что вы прочитали",
        NotificationKind.PollClosing => "за час до конца опроса, на который вы не ответили",
        NotificationKind.MeetingStarted => "урок, собрание или вебинар в вашем чате",
        NotificationKind.InvitationApproved => "учитель одобрил вашу заявку по ссылке-приглашению",
        NotificationKind.DirectMessage => "значок и уведомление устройства о новом личном сообщении (в списке уведомлений их нет — они в «Чатах»)",
        _ => "",
    };

    /// <summary>The message (its place in the chat), the meeting, or the chat.</summary>
    public static string Href(Notification n) =>
        n.MeetingId is { } meeting ? $"/Meetings/{meeting}"
        : n.ChatId is { } chat && n.Seq is { } seq ? $"/Chats/{chat}#seq-{seq}"
        : n.ChatId is { } only ? $"/Chats/{only}"
        : "/Chats";
}
