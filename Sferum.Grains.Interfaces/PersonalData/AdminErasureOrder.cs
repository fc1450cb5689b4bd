namespace Sferum.PersonalData;

/// <summary>
/// A school admin's order to destroy a person's data: the school it is given in, the reason written into the act, the
/// admin's position (the act names who destroyed the data and their position), and the admin's explicit confirmation.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.AdminErasureOrder")]
public sealed record AdminErasureOrder(
    [property: Id(0)] Guid SchoolId,
    [property: Id(1)] string Reason,
    [property: Id(2)] string PerformerPosition,
    [property: Id(3)] bool Confirmed)
{
    public const int MaxReasonLength = 1000;
}
