namespace Sferum.Consents;

/// <summary>A phone number a class's teacher may see because its owner (or a parent) consented: whose, as the class names them.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ConsentedPhone")]
public sealed record ConsentedPhone(
    [property: Id(0)] string SubjectKey,
    [property: Id(1)] string Name,
    [property: Id(2)] string Phone);
