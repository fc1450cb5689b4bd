namespace Sferum.Consents;

/// <summary>
/// One consent document: who gave it for whom, the text version and its exact filled-in text with its SHA-256 (hex),
/// when it was accepted, and after a withdrawal what became of the data: the basis it stays under, or the deadline of
/// its destruction. <see cref="Phone"/> (the consented number) only for the person and their parents, never in the register.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentRecord")]
public sealed record ConsentRecord(
    [property: Id(0)] Guid ConsentId,
    [property: Id(1)] string Purpose,
    [property: Id(2)] string Title,
    [property: Id(3)] int Version,
    [property: Id(4)] string SubjectKey,
    [property: Id(5)] string SubjectName,
    [property: Id(6)] string GivenByName,
    [property: Id(7)] bool AsParent,
    [property: Id(8)] DateTimeOffset AcceptedAt,
    [property: Id(9)] DateTimeOffset? WithdrawnAt,
    [property: Id(10)] string? RemainingBasis,
    [property: Id(11)] DateTimeOffset? DestroyBy,
    [property: Id(12)] DateTimeOffset? DestroyedAt,
    [property: Id(13)] string Document,
    [property: Id(14)] string DocumentSha256,
    [property: Id(15)] string? Phone)
{
    public bool InForce => WithdrawnAt is null;
}
