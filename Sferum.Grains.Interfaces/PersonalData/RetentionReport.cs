namespace Sferum.PersonalData;

/// <summary>What one application of retention removed: a school's part, or the platform's (no school).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.RetentionReport")]
public sealed record RetentionReport(
    [property: Id(0)] Guid? SchoolId,
    [property: Id(1)] DateTimeOffset RanAt,
    [property: Id(2)] string Trigger,
    [property: Id(3)] int MessagesRemoved,
    [property: Id(4)] int EventsRemoved,
    [property: Id(5)] int FilesDetached,
    [property: Id(6)] int MaterialsRemoved,
    [property: Id(7)] long AuditRemoved,
    [property: Id(8)] int ExportsRemoved,
    [property: Id(9)] int StoredFilesRemoved,
    [property: Id(10)] int SessionsRemoved = 0);
