using Sferum.Meetings;
using Sferum.Moderation;

namespace Sferum.Web.Localization;

/// <summary>
/// The resource key of each value the pages name: a meeting's kind, a report's reason. Literal keys, so the resource
/// tests see every one of them; the grains keep their own Russian wording for the texts they write.
/// </summary>
public static class EnumTexts
{
    public static string Key(MeetingKind kind) => kind switch
    {
        MeetingKind.Lesson => "MeetingKind.Lesson",
        MeetingKind.ParentMeeting => "MeetingKind.ParentMeeting",
        MeetingKind.Broadcast => "MeetingKind.Broadcast",
        _ => "MeetingKind.Webinar",
    };

    public static string Key(ReportReason reason) => reason switch
    {
        ReportReason.Insult => "ReportReason.Insult",
        ReportReason.Bullying => "ReportReason.Bullying",
        ReportReason.Spam => "ReportReason.Spam",
        ReportReason.Inappropriate => "ReportReason.Inappropriate",
        ReportReason.PersonalData => "ReportReason.PersonalData",
        _ => "ReportReason.Other",
    };
}
