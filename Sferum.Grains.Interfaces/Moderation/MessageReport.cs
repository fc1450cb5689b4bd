namespace Sferum.Moderation;

/// <summary>
/// A report as moderators see it: the message as it was when reported (author and text), who reported it and why, and
/// what was done. Only the chat's moderators and the school's admins ever see one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.MessageReport")]
public sealed record MessageReport(
    [property: Id(0)] Guid ReportId,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] string ChatTitle,
    [property: Id(3)] long Seq,
    [property: Id(4)] ReportReason Reason,
    [property: Id(5)] string? Comment,
    [property: Id(6)] Guid AuthorId,
    [property: Id(7)] string AuthorName,
    [property: Id(8)] string? MessageText,
    [property: Id(9)] string ReporterName,
    [property: Id(10)] DateTimeOffset ReportedAt,
    [property: Id(11)] string? Resolution,
    [property: Id(12)] DateTimeOffset? ResolvedAt)
{
    public bool Open => ResolvedAt is null;
}
