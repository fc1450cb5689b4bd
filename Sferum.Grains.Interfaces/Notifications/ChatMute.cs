namespace Sferum.Notifications;

/// <summary>A chat the person silenced: until <see cref="Until"/>, or for good when it is null.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.ChatMute")]
public sealed record ChatMute(
    [property: Id(0)] Guid ChatId,
    [property: Id(1)] DateTimeOffset? Until);
