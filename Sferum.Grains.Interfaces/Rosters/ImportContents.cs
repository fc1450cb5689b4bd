namespace Sferum.Rosters;

/// <summary>What the uploaded files contain, whatever the current roster holds.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportContents")]
public sealed record ImportContents(
    [property: Id(0)] int Classes,
    [property: Id(1)] int Students,
    [property: Id(2)] int Parents,
    [property: Id(3)] int Staff,
    [property: Id(4)] int ParentChildLinks);
