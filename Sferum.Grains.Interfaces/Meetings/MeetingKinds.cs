using Sferum.Chats;

namespace Sferum.Meetings;

/// <summary>Which kind of meeting each chat holds, and its Russian name (the chat page and the grain agree on both).</summary>
public static class MeetingKinds
{
    /// <summary>A lesson in a class chat, a parent meeting in a parents' chat, a broadcast in the channel, a webinar in a community or group.</summary>
    public static MeetingKind? For(ChatKind chat) => chat switch
    {
        ChatKind.Class => MeetingKind.Lesson,
        ChatKind.Parents => MeetingKind.ParentMeeting,
        ChatKind.Channel => MeetingKind.Broadcast,
        ChatKind.Community or ChatKind.Group => MeetingKind.Webinar,
        _ => null,
    };

    public static string Describe(MeetingKind kind) => kind switch
    {
        MeetingKind.Lesson => "Урок",
        MeetingKind.ParentMeeting => "Родительское собрание",
        MeetingKind.Broadcast => "Трансляция",
        _ => "Вебинар",
    };

    /// <summary>"… is planned", agreeing with the kind's gender in Russian.</summary>
    public static string Planned(MeetingKind kind) => kind switch
    {
        MeetingKind.ParentMeeting => "Запланировано родительское собрание",
        MeetingKind.Broadcast => "Запланирована трансляция",
        _ => $"Запланирован {Describe(kind).ToLowerInvariant()}",
    };
}
