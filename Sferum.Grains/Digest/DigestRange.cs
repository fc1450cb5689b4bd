namespace Sferum.Digest;

/// <summary>One chat's part of a digest: the messages after <see cref="After"/> up to <see cref="UpTo"/>.</summary>
public sealed record DigestRange(Guid Chat, long After, long UpTo);
