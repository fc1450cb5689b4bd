namespace Sferum.Invitations;

/// <summary>One row of <c>invitations</c>, as the invitation's grain keeps it in memory.</summary>
public sealed record InvitationRecord(
    Guid InvitationId,
    byte[] SecretHash,
    Guid SchoolId,
    InvitationTarget Target,
    Guid? ClassId,
    Guid ChatId,
    string TargetTitle,
    InvitationRole Role,
    string? ChildJournalId,
    Guid? ChildUserId,
    string? ChildName,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int MaxUses,
    int Uses,
    bool RequiresApproval,
    DateTimeOffset? RevokedAt)
{
    public bool IsClassTarget => Target is InvitationTarget.ClassChat or InvitationTarget.ParentsChat;

    public InvitationState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : now >= ExpiresAt ? InvitationState.Expired
        : Uses >= MaxUses ? InvitationState.Exhausted
        : InvitationState.Active;
}
