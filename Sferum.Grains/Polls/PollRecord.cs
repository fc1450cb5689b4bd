namespace Sferum.Polls;

/// <summary>A row of <c>polls</c>.</summary>
public sealed record PollRecord(
    Guid PollId,
    Guid ChatId,
    long? Seq,
    Guid CreatedBy,
    string Question,
    IReadOnlyList<string> Options,
    bool Multiple,
    bool Anonymous,
    DateTimeOffset? Deadline,
    DateTimeOffset? ClosedAt)
{
    public bool IsClosed(DateTimeOffset now) => ClosedAt is not null || (Deadline is { } d && now >= d);
}
