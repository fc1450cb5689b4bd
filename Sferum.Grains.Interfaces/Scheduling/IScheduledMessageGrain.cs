namespace Sferum.Scheduling;

/// <summary>
/// One scheduled message (keyed by <see cref="ScheduledIds.For"/>). An Orleans reminder sends it at its time, so it goes
/// even when every silo restarted in between; it is sent as a normal post of its author, who must still be allowed to
/// write then.
/// </summary>
[Alias("Sferum.IScheduledMessageGrain")]
public interface IScheduledMessageGrain : IGrainWithGuidKey
{
    /// <summary>Schedules the text for <paramref name="sendAt"/> (in the future, within 30 days); a retry returns the same one.</summary>
    [Alias("Schedule")]
    Task<ScheduledMessage> ScheduleAsync(Guid userId, Guid chatId, string clientId, string text, DateTimeOffset sendAt);

    /// <summary>Cancels it before it is sent; its author only.</summary>
    [Alias("Cancel")]
    Task<ScheduledMessage> CancelAsync(Guid userId);
}

/// <summary>Lists a person's scheduled messages in a chat (stateless; reads the table).</summary>
[Alias("Sferum.IScheduledMessageListGrain")]
public interface IScheduledMessageListGrain : IGrainWithIntegerKey
{
    [Alias("Pending")]
    Task<IReadOnlyList<ScheduledMessage>> PendingAsync(Guid userId, Guid chatId);
}
