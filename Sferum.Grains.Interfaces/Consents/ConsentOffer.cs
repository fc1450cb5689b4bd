namespace Sferum.Consents;

/// <summary>
/// A purpose the person may consent to now, with the text exactly as it would be accepted (filled in for these people
/// and this school) and its SHA-256: the form sends the hash back, so what is stored is what was shown.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentOffer")]
public sealed record ConsentOffer(
    [property: Id(0)] string Purpose,
    [property: Id(1)] string Title,
    [property: Id(2)] int Version,
    [property: Id(3)] string Document,
    [property: Id(4)] string DocumentSha256,
    [property: Id(5)] string? SuggestedPhone);
