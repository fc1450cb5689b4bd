namespace Sferum.Notifications;

/// <summary>Which kinds the person turned off, and the chats they muted (expired mutes are left out).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.NotificationSettings")]
public sealed record NotificationSettings(
    [property: Id(0)] IReadOnlyList<NotificationKind> Disabled,
    [property: Id(1)] IReadOnlyList<ChatMute> Mutes)
{
    public bool Receives(NotificationKind kind) => !Disabled.Contains(kind);
}
