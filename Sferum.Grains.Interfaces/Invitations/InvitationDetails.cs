namespace Sferum.Invitations;

/// <summary>An invitation as its manager sees it (the inviter, the class's teachers, the school's admins).</summary>
[GenerateSerializer, Immutable, Alias("Sferum.InvitationDetails")]
public sealed record InvitationDetails(
    [property: Id(0)] Guid InvitationId,
    [property: Id(1)] Guid SchoolId,
    [property: Id(2)] InvitationTarget Target,
    [property: Id(3)] Guid? ClassId,
    [property: Id(4)] Guid ChatId,
    [property: Id(5)] string TargetTitle,
    [property: Id(6)] InvitationRole Role,
    [property: Id(7)] string? ChildName,
    [property: Id(8)] Guid CreatedBy,
    [property: Id(9)] string CreatedByName,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset ExpiresAt,
    [property: Id(12)] int MaxUses,
    [property: Id(13)] int Uses,
    [property: Id(14)] bool RequiresApproval,
    [property: Id(15)] DateTimeOffset? RevokedAt,
    [property: Id(16)] InvitationState State,
    [property: Id(17)] IReadOnlyList<InvitationUse> Joins);

/// <summary>One person who followed the link.</summary>
[GenerateSerializer, Immutable, Alias("Sferum.InvitationUse")]
public sealed record InvitationUse(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] InvitationUseStatus Status,
    [property: Id(3)] DateTimeOffset RequestedAt,
    [property: Id(4)] DateTimeOffset? DecidedAt);

[GenerateSerializer, Alias("Sferum.InvitationState")]
public enum InvitationState
{
    Active = 0,
    Expired = 1,
    Revoked = 2,
    Exhausted = 3,
}
