namespace Sferum.Digest;

/// <summary>One chat's part of a digest: the messages after <see cref="After"/> up to <see cref="UpTo"/>.</summary>
public sealed record DigestRange(Guid Chat, long After, long UpTo);

public sealed record DigestQuote(string Author, string Text);

/// <summary>What a person has not read in one chat within a range.</summary>
public sealed record DigestChatUnread(int Count, IReadOnlyList<string> Authors, IReadOnlyList<DigestQuote> Quotes);

/// <summary>A chat in the letter: its name, link, how many unread, who wrote, and the texts when the school allows them.</summary>
public sealed record DigestChat(string Title, Uri Link, int Count, IReadOnlyList<string> Authors, IReadOnlyList<DigestQuote>? Quotes);

/// <summary>Everything one letter says.</summary>
public sealed record DigestLetter(Guid DigestId, string ToName, string ToAddress, IReadOnlyList<DigestChat> Chats, Uri Unsubscribe, Uri Settings);
