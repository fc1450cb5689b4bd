namespace Sferum.Invitations;

/// <summary>A new invitation and its token: the only time the token exists outside the link (only its hash is kept).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.InvitationCreated")]
public sealed record InvitationCreated([property: Id(0)] Guid InvitationId, [property: Id(1)] string Token);
