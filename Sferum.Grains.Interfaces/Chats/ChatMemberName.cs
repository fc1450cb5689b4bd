namespace Sferum.Chats;

/// <summary>A member of a chat by name only (for picking whom to mention with @).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatMemberName")]
public sealed record ChatMemberName(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Name);
