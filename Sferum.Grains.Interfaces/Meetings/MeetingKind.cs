namespace Sferum.Meetings;

/// <summary>What a meeting is for; it decides where it is started and who may speak.</summary>
[GenerateSerializer, Alias("Sferum.MeetingKind")]
public enum MeetingKind
{
    /// <summary>From a class chat: the teacher hosts; pupils listen until the teacher lets them speak.</summary>
    Lesson = 0,

    /// <summary>From a parents' chat: parents wait in the lobby until the host admits them.</summary>
    ParentMeeting = 1,

    /// <summary>From the school channel: the host (and speakers the host names) publish, everyone else watches.</summary>
    Broadcast = 2,

    /// <summary>From a community or a staff group: members join directly; the host lets speakers in.</summary>
    Webinar = 3,
}
