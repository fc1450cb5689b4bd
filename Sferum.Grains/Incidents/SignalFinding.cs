namespace Sferum.Incidents;

/// <summary>
/// One staff account over a threshold in one school: the most entries in any one window (<see cref="Peak"/>), the
/// largest single export, all its uncounted recent entries, the distinct people they were about, and the last entry
/// id they reach (which the signal then covers).
/// </summary>
public sealed record SignalFinding(
    string Kind,
    Guid SchoolId,
    Guid ActorUserId,
    long Peak,
    long LargestExport,
    long Entries,
    long People,
    long CoveredUpto,
    DateTimeOffset From,
    DateTimeOffset To);
