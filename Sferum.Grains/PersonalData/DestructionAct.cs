namespace Sferum.PersonalData;

/// <summary>One row of <c>destruction_acts</c>: the facts of one destruction, as the act and the log extract state them.</summary>
public sealed record DestructionAct(
    Guid ActId,
    long Number,
    Guid SchoolId,
    string PersonKey,
    Guid? SubjectUserId,
    string PersonName,
    string PersonRole,
    IReadOnlyList<string> Categories,
    ErasureReason Reason,
    string ReasonText,
    string PerformerName,
    string PerformerPosition,
    string OperatorName,
    string OperatorAddress,
    string? Processor,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<string> PendingNames,
    IReadOnlyList<long> AuditSeqs);

/// <summary>An entry of the audit log as the extract quotes it (its chain hash lets anyone check it against the log).</summary>
public sealed record AuditExtractEntry(long Seq, DateTimeOffset At, string Action, string Summary, string Hash);
