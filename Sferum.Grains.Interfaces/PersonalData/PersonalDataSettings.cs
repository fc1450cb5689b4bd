namespace Sferum.PersonalData;

/// <summary>
/// A school's settings for destroying personal data: who the operator is (name and address go into every act), any
/// processor acting for it, the official the acts name for destructions the system carries out by itself, and what
/// happens to an erased person's messages and to recordings of meetings they were in. Both policies default to keep.
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
