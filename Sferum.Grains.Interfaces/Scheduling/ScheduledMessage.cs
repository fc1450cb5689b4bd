namespace Sferum.Scheduling;

/// <summary>A message its author scheduled: what, where, when; and, once it went, its place in the chat.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ScheduledMessage")]
public sealed record ScheduledMessage(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] Guid AuthorId,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset SendAt,
    [property: Id(5)] DateTimeOffset? SentAt,
    [property: Id(6)] long? SentSeq,
    [property: Id(7)] DateTimeOffset? CancelledAt)
{
    public bool Pending => SentAt is null && CancelledAt is null;
}
