namespace Sferum.Rosters;

/// <summary>One uploaded file (or zip entry, or sheet) and what it was recognised as.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportFileInfo")]
public sealed record ImportFileInfo(
    [property: Id(0)] string File,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Encoding,
    [property: Id(3)] int DataRows);
