namespace Sferum.Digest;

/// <summary>What a person has not read in one chat within a range.</summary>
public sealed record DigestChatUnread(int Count, IReadOnlyList<string> Authors, IReadOnlyList<DigestQuote> Quotes);
