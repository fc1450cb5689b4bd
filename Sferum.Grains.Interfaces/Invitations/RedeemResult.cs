namespace Sferum.Invitations;

/// <summary>The outcome of following a link: joined (with the chat to open) or waiting for approval.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.RedeemResult")]
public sealed record RedeemResult(
    [property: Id(0)] InvitationUseStatus Status,
    [property: Id(1)] Guid ChatId,
    [property: Id(2)] string TargetTitle);
