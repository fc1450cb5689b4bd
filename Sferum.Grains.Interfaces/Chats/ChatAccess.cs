namespace Sferum.Chats;

/// <summary>What a chat is and what one member may do in it; for grains that act on a member's behalf.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatAccess")]
public sealed record ChatAccess(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] ChatKind Kind,
    [property: Id(2)] Guid SchoolId,
    [property: Id(3)] Guid? ClassId,
    [property: Id(4)] string Title,
    [property: Id(5)] bool CanPost,
    [property: Id(6)] bool CanModerate);
