namespace Sferum.PersonalData;

/// <summary>One export as its requester sees it: whom it is about, how far it got, until when it can be downloaded.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.DataExportView")]
public sealed record DataExportView(
    [property: Id(0)] Guid ExportId,
    [property: Id(1)] string SubjectName,
    [property: Id(2)] DataExportStatus Status,
    [property: Id(3)] int Percent,
    [property: Id(4)] DateTimeOffset RequestedAt,
    [property: Id(5)] DateTimeOffset? ReadyAt,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] long? Size,
    [property: Id(8)] string? Error);
