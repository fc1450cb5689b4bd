namespace Sferum.Polls;

/// <summary>
/// A poll as one member sees it: results so far, their own choice, and what they may do. In a named poll every member
/// sees who chose each option; in an anonymous one nobody does, because nobody's choice is stored with their name.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.PollView")]
public sealed record PollView(
    [property: Id(0)] Guid PollId,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] long? Seq,
    [property: Id(3)] string Question,
    [property: Id(4)] IReadOnlyList<PollOptionResult> Options,
    [property: Id(5)] bool Multiple,
    [property: Id(6)] bool Anonymous,
    [property: Id(7)] DateTimeOffset? Deadline,
    [property: Id(8)] bool Closed,
    [property: Id(9)] int Voters,
    [property: Id(10)] bool Voted,
    [property: Id(11)] IReadOnlyList<int>? MyChoice,
    [property: Id(12)] bool CanManage);

[GenerateSerializer, Immutable, Alias("Sferum.PollOptionResult")]
public sealed record PollOptionResult(
    [property: Id(0)] string Text,
    [property: Id(1)] int Votes,
    [property: Id(2)] IReadOnlyList<string>? VoterNames);

/// <summary>
/// The answer to a vote. <see cref="Receipt"/> comes with the first vote in an anonymous poll: the device keeps it and
/// presents it to change the vote (the server keeps only its hash, with the choice and nothing else).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.PollVoteResult")]
public sealed record PollVoteResult(
    [property: Id(0)] PollView Poll,
    [property: Id(1)] string? Receipt);

/// <summary>Members who have not voted yet in a named poll, for its author and the chat's moderators.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.PollNonVoter")]
public sealed record PollNonVoter(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name);
