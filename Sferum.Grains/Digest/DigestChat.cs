namespace Sferum.Digest;

/// <summary>A chat in the letter: its name, link, how many unread, who wrote, and the texts when the school allows them.</summary>
public sealed record DigestChat(string Title, Uri Link, int Count, IReadOnlyList<string> Authors, IReadOnlyList<DigestQuote>? Quotes);
