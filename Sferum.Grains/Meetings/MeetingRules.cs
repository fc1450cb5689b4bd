using Sferum.Chats;
using Sferum.Common;

namespace Sferum.Meetings;

/// <summary>Where each kind of meeting belongs and what a valid draft is. Pure rules, tested on their own.</summary>
public static class MeetingRules
{
    public const int MaxTitle = 200;
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(60);

    /// <summary>A lesson from a class chat, a parent meeting from a parents' chat, a broadcast from the channel, a webinar from a community or group.</summary>
    public static bool Fits(MeetingKind kind, ChatKind chat) => MeetingKinds.For(chat) == kind;

    public static MeetingDraft Validate(MeetingDraft draft, ChatKind chat, DateTimeOffset now)
    {
        if (!Fits(draft.Kind, chat))
        {
            throw new DomainException("meeting.kind",
                "Урок начинают в чате класса, собрание — в чате родителей, трансляцию — в канале школы, вебинар — в сообществе или группе.");
        }

        var title = (draft.Title ?? "").Trim();
        if (title.Length == 0)
        {
            title = MeetingKinds.Describe(draft.Kind);
        }

        if (title.Length > MaxTitle)
        {
            throw new DomainException("meeting.title", "Название встречи длиннее {0} символов.", MaxTitle);
        }

        if (draft.StartsAt is { } at && (at <= now || at - now > MaxAhead))
        {
            throw new DomainException("meeting.starts-at", "Время встречи должно быть в будущем, не дальше чем через 60 дней.");
        }

        return draft with { Title = title };
    }

    /// <summary>Who waits in the lobby until the host admits them: parents at a parent meeting.</summary>
    public static bool HasLobby(MeetingKind kind) => kind == MeetingKind.ParentMeeting;

    /// <summary>Who may publish without being let: parents at a parent meeting (a conversation); elsewhere the host lets speakers in.</summary>
    public static bool SpeaksByDefault(MeetingKind kind) => kind == MeetingKind.ParentMeeting;
}
