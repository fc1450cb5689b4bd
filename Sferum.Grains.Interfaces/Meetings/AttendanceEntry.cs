namespace Sferum.Meetings;

/// <summary>One stay of one person in a meeting, as the video server saw it: from joining the room to leaving it.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AttendanceEntry")]
public sealed record AttendanceEntry(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset JoinedAt,
    [property: Id(3)] DateTimeOffset? LeftAt);
