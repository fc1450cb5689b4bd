namespace Sferum.Meetings;

/// <summary>A meeting to start (<see cref="StartsAt"/> null) or to plan, in the chat it is announced in.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.MeetingDraft")]
public sealed record MeetingDraft(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] MeetingKind Kind,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset? StartsAt,
    [property: Id(4)] bool Record);
