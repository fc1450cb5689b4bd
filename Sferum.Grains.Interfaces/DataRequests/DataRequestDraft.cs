namespace Sferum.DataRequests;

/// <summary>
/// A request as the admin registers it from a letter. <see cref="RequestId"/> is chosen by the form, so that a
/// repeated post registers it once. People are named by the keys <see cref="PersonCandidate.Key"/> gives.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.DataRequestDraft")]
public sealed record DataRequestDraft(
    [property: Id(0)] Guid RequestId,
    [property: Id(1)] DataRequestKind Kind,
    [property: Id(2)] string SubjectKey,
    [property: Id(3)] string? RepresentativeKey,
    [property: Id(4)] DateOnly ReceivedOn,
    [property: Id(5)] string? Details);
