namespace Sferum.PersonalData;

/// <summary>Where an erasure stands: not ordered, running (a reminder finishes it should a silo die), or done with its act.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ErasureStatus")]
public sealed record ErasureStatus(
    [property: Id(0)] ErasureState State,
    [property: Id(1)] Guid? ActId = null,
    [property: Id(2)] long? ActNumber = null);

[GenerateSerializer, Alias("Sferum.ErasureState")]
public enum ErasureState
{
    NotOrdered = 0,
    Running = 1,
    Done = 2,
}
