namespace Sferum.Invitations;

[GenerateSerializer, Alias("Sferum.InvitationUseStatus")]
public enum InvitationUseStatus
{
    /// <summary>Waiting for the inviter's approval.</summary>
    Pending = 0,
    Joined = 1,
    Declined = 2,

    /// <summary>Joined, then removed by the inviter (or a teacher or admin).</summary>
    Removed = 3,
}
