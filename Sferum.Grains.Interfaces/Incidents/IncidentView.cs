namespace Sferum.Incidents;

/// <summary>An incident with its two deadlines, when each notice was sent, and a pre-filled draft of each notice.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.IncidentView")]
public sealed record IncidentView(
    [property: Id(0)] Guid IncidentId,
    [property: Id(1)] Guid SchoolId,
    [property: Id(2)] string SchoolName,
    [property: Id(3)] IncidentStatus Status,
    [property: Id(4)] string Source,
    [property: Id(5)] string Description,
    [property: Id(6)] string DataSubjects,
    [property: Id(7)] int? PeopleCount,
    [property: Id(8)] DateTimeOffset DetectedAt,
    [property: Id(9)] string Measures,
    [property: Id(10)] string Causes,
    [property: Id(11)] string Harm,
    [property: Id(12)] string Findings,
    [property: Id(13)] string Contact,
    [property: Id(14)] DateTimeOffset RegisteredAt,
    [property: Id(15)] DateTimeOffset FirstNoticeDue,
    [property: Id(16)] DateTimeOffset? FirstNoticeSentAt,
    [property: Id(17)] DateTimeOffset ResultsDue,
    [property: Id(18)] DateTimeOffset? ResultsSentAt,
    [property: Id(19)] DateTimeOffset? ResolvedAt,
    [property: Id(20)] string? Resolution,
    [property: Id(21)] string FirstNoticeDraft,
    [property: Id(22)] string ResultsDraft)
{
    public bool Resolved => Status is IncidentStatus.Dismissed or IncidentStatus.Closed;
}

/// <summary>An incident in a list: what, where, and how its deadlines stand.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.IncidentSummary")]
public sealed record IncidentSummary(
    [property: Id(0)] Guid IncidentId,
    [property: Id(1)] Guid SchoolId,
    [property: Id(2)] string SchoolName,
    [property: Id(3)] IncidentStatus Status,
    [property: Id(4)] string Source,
    [property: Id(5)] string Description,
    [property: Id(6)] DateTimeOffset DetectedAt,
    [property: Id(7)] DateTimeOffset FirstNoticeDue,
    [property: Id(8)] DateTimeOffset? FirstNoticeSentAt,
    [property: Id(9)] DateTimeOffset ResultsDue,
    [property: Id(10)] DateTimeOffset? ResultsSentAt);
