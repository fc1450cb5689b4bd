namespace Sferum.Invitations;

/// <summary>What a person is invited into, shown only once joining is allowed for them.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.InvitationOffer")]
public sealed record InvitationOffer(
    [property: Id(0)] string SchoolName,
    [property: Id(1)] InvitationTarget Target,
    [property: Id(2)] string TargetTitle,
    [property: Id(3)] InvitationRole Role,
    [property: Id(4)] string? ChildName,
    [property: Id(5)] bool RequiresApproval,
    [property: Id(6)] InvitationUseStatus? AlreadyUsed);
