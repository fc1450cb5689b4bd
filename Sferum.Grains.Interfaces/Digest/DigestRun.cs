namespace Sferum.Digest;

/// <summary>What one run of a person's digest did, and when the next one is due.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DigestRun")]
public sealed record DigestRun(
    [property: Id(0)] DigestOutcome Outcome,
    [property: Id(1)] Guid? DigestId,
    [property: Id(2)] DateTimeOffset? NextAt);
