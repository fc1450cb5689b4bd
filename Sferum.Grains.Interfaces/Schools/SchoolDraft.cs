namespace Sferum.Schools;

/// <summary>What is needed to create a school.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolDraft")]
public sealed record SchoolDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string Region,
    [property: Id(2)] string TimeZone);
