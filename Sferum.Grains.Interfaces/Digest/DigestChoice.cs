namespace Sferum.Digest;

/// <summary>What the person chooses on the profile page.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DigestChoice")]
public sealed record DigestChoice(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] int EveryHours,
    [property: Id(2)] int SendHour);
