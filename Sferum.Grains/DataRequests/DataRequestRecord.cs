namespace Sferum.DataRequests;

/// <summary>A row of <c>data_requests</c>.</summary>
public sealed record DataRequestRecord(
    Guid RequestId,
    Guid SchoolId,
    DataRequestKind Kind,
    Guid? SubjectUserId,
    string? SubjectJournalId,
    string SubjectName,
    bool ByRepresentative,
    Guid? RequesterUserId,
    string? RequesterJournalId,
    string RequesterName,
    string Details,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    DateOnly? DestroyDueOn,
    DateOnly? StoppedOn,
    DateOnly? ExtendedOn,
    string? ExtensionReason,
    DateOnly? ClosedOn,
    string? Outcome,
    Guid RegisteredBy,
    DateTimeOffset RegisteredAt)
{
    public bool Closed => ClosedOn is not null;

    /// <summary>The deadline that runs now: for unlawful processing, stopping until it is stopped, then destruction.</summary>
    public DateOnly? NextDueOn => Closed ? null
        : Kind == DataRequestKind.UnlawfulProcessing && StoppedOn is not null ? DestroyDueOn ?? DueOn
        : DueOn;

    public bool CanExtend(DateOnly today) => Kind == DataRequestKind.Access && !Closed && ExtendedOn is null && today <= DueOn;

    public DataRequestView ToView(DateOnly today) => new(
        RequestId, Kind, SubjectName, SubjectUserId, RequesterName, ByRepresentative, Details, ReceivedOn, DueOn, DestroyDueOn,
        StoppedOn, ExtendedOn, ExtensionReason, ClosedOn, Outcome, RegisteredAt, NextDueOn, NextDueOn is { } due && today > due, CanExtend(today));
}
