using Orleans.Concurrency;

namespace Sferum.Polls;

/// <summary>
/// One poll, keyed by <see cref="PollIds.For"/> (chat, author, the device's client id), so that a retried creation finds
/// the same poll. The only writer of its votes. Members of its chat read and vote; the author and the chat's
/// moderators close it early and see who has not voted.
/// </summary>
[Alias("Sferum.IPollGrain")]
public interface IPollGrain : IGrainWithGuidKey
{
    /// <summary>Creates the poll and posts it in the chat as a message (where the author may post).</summary>
    [Alias("Create")]
    Task<PollView> CreateAsync(Guid userId, Guid chatId, string clientId, PollDraft draft);

    [Alias("Get")]
    Task<PollView> GetAsync(Guid userId);

    /// <summary>Votes or changes the vote until the poll closes. An anonymous poll needs the receipt to change a vote.</summary>
    [Alias("Vote")]
    Task<PollVoteResult> VoteAsync(Guid userId, IReadOnlyList<int> options, string? receipt);

    [Alias("Close")]
    Task<PollView> CloseAsync(Guid userId);

    [Alias("NonVoters")]
    Task<IReadOnlyList<PollNonVoter>> NonVotersAsync(Guid userId);

    /// <summary>
    /// For the chat grain: true when this poll was created in <paramref name="chatId"/> by <paramref name="authorId"/>, so
    /// that a message may show it. Interleaves: the chat asks while this grain waits for the chat to post it.
    /// </summary>
    [Alias("IsPostable"), AlwaysInterleave]
    Task<bool> IsPostableAsync(Guid chatId, Guid authorId);
}
