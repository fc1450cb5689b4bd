namespace Sferum.PersonalData;

/// <summary>What the school destroys with an erased person beyond their record: their messages, and recordings of meetings they were in. Both default to keep.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DestructionPolicy")]
public sealed record DestructionPolicy(
    [property: Id(0)] bool DeleteMessages = false,
    [property: Id(1)] bool DeleteRecordings = false);
