namespace Sferum.Meetings;

[GenerateSerializer, Alias("Sferum.MeetingState")]
public enum MeetingState
{
    /// <summary>Planned for a time; its room exists once the host opens it (or at the planned time).</summary>
    Scheduled = 0,
    Live = 1,
    Ended = 2,
}
