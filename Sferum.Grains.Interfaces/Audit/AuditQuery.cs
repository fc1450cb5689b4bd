namespace Sferum.Audit;

/// <summary>A filter on a school's audit log: an action code prefix ("invitation", "roster.import-applied"), a period.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? Action = null,
    [property: Id(1)] DateTimeOffset? From = null,
    [property: Id(2)] DateTimeOffset? To = null,
    [property: Id(3)] int Page = 1,
    [property: Id(4)] int PageSize = 50);

/// <summary>One entry as a school's admins read it.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.AuditRecord")]
public sealed record AuditRecord(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Summary);

[GenerateSerializer, Immutable, Alias("Sferum.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] IReadOnlyList<AuditRecord> Entries,
    [property: Id(1)] int Total);
