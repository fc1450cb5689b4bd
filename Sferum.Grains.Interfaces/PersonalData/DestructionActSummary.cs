namespace Sferum.PersonalData;

/// <summary>One act of destruction as the school's acts page lists it.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DestructionActSummary")]
public sealed record DestructionActSummary(
    [property: Id(0)] Guid ActId,
    [property: Id(1)] long Number,
    [property: Id(2)] string PersonName,
    [property: Id(3)] ErasureReason Reason,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset? CompletedAt,
    [property: Id(6)] DateTimeOffset? PurgeAfter);
