namespace Sferum.PersonalData;

/// <summary>
/// What an erasure and its act need, read together: the operator (name and address go into every act), any processor
/// acting for it, the official the acts name for destructions the system carries out by itself — all from the school's
/// one store of operator details — and the school's <see cref="DestructionPolicy"/>. Older versions also kept this record
/// as grain state, so its shape stays as it was.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.PersonalDataSettings")]
public sealed record PersonalDataSettings(
    [property: Id(0)] string OperatorName,
    [property: Id(1)] string OperatorAddress,
    [property: Id(2)] string? Processor,
    [property: Id(3)] string ResponsibleName,
    [property: Id(4)] string ResponsiblePosition,
    [property: Id(5)] bool DeleteMessages = false,
    [property: Id(6)] bool DeleteRecordings = false);
