namespace Sferum.Consents;

/// <summary>
/// A consent as the form sends it: for whom (<see cref="ConsentSubject.SubjectKey"/>), the purpose, the text version
/// and the SHA-256 of the text shown, the data it covers (the phone number) and the tick that it was read and accepted.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentGrant")]
public sealed record ConsentGrant(
    [property: Id(0)] string SubjectKey,
    [property: Id(1)] string Purpose,
    [property: Id(2)] int Version,
    [property: Id(3)] string DocumentSha256,
    [property: Id(4)] string? Phone,
    [property: Id(5)] bool Accepted);
