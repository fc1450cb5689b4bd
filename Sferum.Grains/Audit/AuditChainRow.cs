namespace Sferum.Audit;

/// <summary>
/// One row of <c>audit_log</c> as the chain covers it; the address and the JSON in PostgreSQL's text form. The chain
/// covers <see cref="ContentDigest"/>, not the text: <see cref="ContentSalt"/> is null and <see cref="RedactedBy"/> set
/// once a redaction rewrote the text (migration 0930).
/// </summary>
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
    byte[] Hash,
    byte[]? ContentSalt,
    byte[] ContentDigest,
    long? RedactedBy);
