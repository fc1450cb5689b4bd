namespace Sferum.Rosters;

/// <summary>An uploaded file, as received.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportFile")]
public sealed record ImportFile(
    [property: Id(0)] string FileName,
    [property: Id(1)] byte[] Content);
