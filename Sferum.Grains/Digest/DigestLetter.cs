namespace Sferum.Digest;

/// <summary>Everything one letter says.</summary>
public sealed record DigestLetter(Guid DigestId, string ToName, string ToAddress, IReadOnlyList<DigestChat> Chats, Uri Unsubscribe, Uri Settings);
