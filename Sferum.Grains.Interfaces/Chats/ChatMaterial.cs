namespace Sferum.Chats;

/// <summary>A file in a chat's materials list: where it was posted, by whom, when.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatMaterial")]
public sealed record ChatMaterial(
    [property: Id(0)] long Seq,
    [property: Id(1)] int Index,
    [property: Id(2)] ChatAttachment Attachment,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] DateTimeOffset At);
