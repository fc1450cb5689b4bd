namespace Sferum.Incidents;

/// <summary>A suspected incident as an admin or operator registers it. <see cref="PeopleCount"/> null: not known yet.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.IncidentDraft")]
public sealed record IncidentDraft(
    [property: Id(0)] Guid SchoolId,
    [property: Id(1)] string Description,
    [property: Id(2)] string DataSubjects,
    [property: Id(3)] int? PeopleCount,
    [property: Id(4)] DateTimeOffset DetectedAt,
    [property: Id(5)] string? Measures);

/// <summary>What is known later: the same facts, and the causes, harm, investigation results and the contact person.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.IncidentUpdate")]
public sealed record IncidentUpdate(
    [property: Id(0)] string Description,
    [property: Id(1)] string DataSubjects,
    [property: Id(2)] int? PeopleCount,
    [property: Id(3)] string? Measures,
    [property: Id(4)] string? Causes,
    [property: Id(5)] string? Harm,
    [property: Id(6)] string? Findings,
    [property: Id(7)] string? Contact);
