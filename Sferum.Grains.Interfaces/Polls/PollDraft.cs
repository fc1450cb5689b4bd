namespace Sferum.Polls;

/// <summary>A poll to post in a chat: 2–12 options, single or multiple choice, optionally anonymous, optionally with a deadline.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.PollDraft")]
public sealed record PollDraft(
    [property: Id(0)] string Question,
    [property: Id(1)] IReadOnlyList<string> Options,
    [property: Id(2)] bool Multiple = false,
    [property: Id(3)] bool Anonymous = false,
    [property: Id(4)] DateTimeOffset? Deadline = null);
