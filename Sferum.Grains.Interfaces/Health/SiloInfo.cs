namespace Sferum.Health;

/// <summary>What a silo runs: Sferum's build ("1.0.0+commit"), Orleans' version, and since when.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.SiloInfo")]
public sealed record SiloInfo(
    [property: Id(0)] string Silo,
    [property: Id(1)] string Version,
    [property: Id(2)] string OrleansVersion,
    [property: Id(3)] DateTimeOffset ProcessStartedAt);
