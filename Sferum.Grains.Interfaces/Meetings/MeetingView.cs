namespace Sferum.Meetings;

/// <summary>
/// A meeting as one person sees it. Everyone allowed in sees its state and who is inside; the host also sees the lobby,
/// raised hands and the children of waiting parents. <see cref="Admitted"/> says whether this person may enter the
/// room now (false while they wait in the lobby). <see cref="Room"/> names the breakout group this person is in (null:
/// the main room); <see cref="Breakouts"/> are the groups, for the host only; <see cref="Notice"/> is the host's last
/// message to all groups. <see cref="SchoolId"/> is the chat's school, whose clock the meeting's times are read on.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.MeetingView")]
public sealed record MeetingView(
    [property: Id(0)] Guid MeetingId,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] MeetingKind Kind,
    [property: Id(3)] MeetingState State,
    [property: Id(4)] string Title,
    [property: Id(5)] Guid HostId,
    [property: Id(6)] string HostName,
    [property: Id(7)] DateTimeOffset? StartsAt,
    [property: Id(8)] DateTimeOffset? StartedAt,
    [property: Id(9)] DateTimeOffset? EndedAt,
    [property: Id(10)] bool Recording,
    [property: Id(11)] RecordingStatus RecordingStatus,
    [property: Id(12)] string? RecordingProblem,
    [property: Id(13)] bool IsHost,
    [property: Id(14)] bool Admitted,
    [property: Id(15)] bool MayPublish,
    [property: Id(16)] bool PublishingLocked,
    [property: Id(17)] IReadOnlyList<MeetingParticipant> Participants,
    [property: Id(18)] bool IsGuest = false,
    [property: Id(19)] string? Room = null,
    [property: Id(20)] IReadOnlyList<BreakoutView>? Breakouts = null,
    [property: Id(21)] string? Notice = null,
    [property: Id(22)] Guid SchoolId = default);
