namespace Sferum.Schools;

/// <summary>A school as listed in the platform's directory.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SchoolSummary")]
public sealed record SchoolSummary(
    [property: Id(0)] Guid SchoolId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Region,
    [property: Id(3)] string TimeZone,
    [property: Id(4)] DateTimeOffset CreatedAt);
