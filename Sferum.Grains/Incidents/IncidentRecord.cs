namespace Sferum.Incidents;

/// <summary>A row of <c>incidents</c>.</summary>
public sealed record IncidentRecord(
    Guid IncidentId,
    Guid SchoolId,
    IncidentStatus Status,
    string Source,
    string Description,
    string DataSubjects,
    int? PeopleCount,
    DateTimeOffset DetectedAt,
    string Measures,
    string Causes,
    string Harm,
    string Findings,
    string Contact,
    Guid? RegisteredBy,
    DateTimeOffset RegisteredAt,
    DateTimeOffset FirstNoticeDue,
    DateTimeOffset? FirstNoticeSentAt,
    Guid? FirstNoticeSentBy,
    DateTimeOffset ResultsDue,
    DateTimeOffset? ResultsSentAt,
    Guid? ResultsSentBy,
    DateTimeOffset? ResolvedAt,
    Guid? ResolvedBy,
    string? Resolution,
    DateTimeOffset? TrackedAt)
{
    public bool Resolved => Status is IncidentStatus.Dismissed or IncidentStatus.Closed;

    public bool NoticesSent => FirstNoticeSentAt is not null && ResultsSentAt is not null;

    public IncidentSummary ToSummary(string schoolName) => new(IncidentId, SchoolId, schoolName, Status, Source, Description, DetectedAt,
        FirstNoticeDue, FirstNoticeSentAt, ResultsDue, ResultsSentAt);
}
