namespace Sferum.Audit;

/// <summary>One row of <c>audit_log</c> as the chain covers it; the address and the JSON in PostgreSQL's text form.</summary>
public sealed record AuditChainRow(
    long Seq,
    long Id,
    DateTime At,
    Guid? SchoolId,
    Guid? ActorUserId,
    string? ActorClient,
    Guid? SubjectUserId,
    string? ClientAddress,
    string Action,
    string Summary,
    string Details,
    byte[]? PrevHash,
    byte[] Hash);
