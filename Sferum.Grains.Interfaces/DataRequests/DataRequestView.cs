namespace Sferum.DataRequests;

/// <summary>
/// One request as the admin's queue shows it. <see cref="NextDueOn"/> is the deadline that runs now (for unlawful
/// processing: stopping, then destruction), null once closed; <see cref="Overdue"/> is measured in the school's time zone.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.DataRequestView")]
public sealed record DataRequestView(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] DataRequestKind Kind,
    [property: Id(2)] string SubjectName,
    [property: Id(3)] Guid? SubjectUserId,
    [property: Id(4)] string RequesterName,
    [property: Id(5)] bool ByRepresentative,
    [property: Id(6)] string Details,
    [property: Id(7)] DateOnly ReceivedOn,
    [property: Id(8)] DateOnly DueOn,
    [property: Id(9)] DateOnly? DestroyDueOn,
    [property: Id(10)] DateOnly? StoppedOn,
    [property: Id(11)] DateOnly? ExtendedOn,
    [property: Id(12)] string? ExtensionReason,
    [property: Id(13)] DateOnly? ClosedOn,
    [property: Id(14)] string? Outcome,
    [property: Id(15)] DateTimeOffset RegisteredAt,
    [property: Id(16)] DateOnly? NextDueOn,
    [property: Id(17)] bool Overdue,
    [property: Id(18)] bool CanExtend);

/// <summary>The queue: requests by the deadline that runs now, earliest first (closed ones last), and the school's today.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DataRequestQueue")]
public sealed record DataRequestQueue(
    [property: Id(0)] DateOnly Today,
    [property: Id(1)] IReadOnlyList<DataRequestView> Requests);
