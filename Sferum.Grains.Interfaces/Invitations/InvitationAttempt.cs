namespace Sferum.Invitations;

/// <summary>Someone following a link: who (signed in), with which token, from which network address.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.InvitationAttempt")]
public sealed record InvitationAttempt(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Token,
    [property: Id(2)] string Address);
