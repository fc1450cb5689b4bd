namespace Sferum.Consents;

/// <summary>One category of a person's data that Sferum holds for them, and the basis it is held on, in words.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DataBasis")]
public sealed record DataBasis(
    [property: Id(0)] string Category,
    [property: Id(1)] string Label,
    [property: Id(2)] LegalBasis Basis,
    [property: Id(3)] string Explanation);
