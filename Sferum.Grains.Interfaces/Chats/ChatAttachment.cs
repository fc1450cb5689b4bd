namespace Sferum.Chats;

/// <summary>A file attached to a message. The bytes live in the file store under <see cref="Hash"/> (SHA-256), not in any grain.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatAttachment")]
public sealed record ChatAttachment(
    [property: Id(0)] string Hash,
    [property: Id(1)] string FileName,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size);
