namespace Sferum.Invitations;

/// <summary>
/// One invitation link, keyed by its id. It decides everything about the link: who may create it (teachers of the
/// class, the school's admins, a group's moderators; a student only for their own parent, with approval), who may
/// follow it (rate-limited per user and per address; simplified accounts only where the school allows and never as
/// staff), and who joined through it. Refusals name the reason (unknown, expired, revoked, exhausted, not for this
/// person) but reveal nothing about the chat until joining is allowed.
/// </summary>
[Alias("Sferum.IInvitationGrain")]
public interface IInvitationGrain : IGrainWithGuidKey
{
    /// <summary>Creates the invitation under this (new) id; returns the token for the link, shown once.</summary>
    [Alias("Create")]
    Task<InvitationCreated> CreateAsync(Guid requesterUserId, InvitationDraft draft);

    /// <summary>The invitation and who used it, for those who manage it.</summary>
    [Alias("Get")]
    Task<InvitationDetails> GetAsync(Guid requesterUserId);

    /// <summary>What the link offers this person, or a refusal with the reason. Counts as an attempt.</summary>
    [Alias("Check")]
    Task<InvitationOffer> CheckAsync(InvitationAttempt attempt);

    /// <summary>Follows the link: joins at once, or asks for approval when the invitation requires it.</summary>
    [Alias("Redeem")]
    Task<RedeemResult> RedeemAsync(InvitationAttempt attempt);

    /// <summary>Stops the link at once; those who joined stay (they can be removed one by one).</summary>
    [Alias("Revoke")]
    Task RevokeAsync(Guid requesterUserId);

    /// <summary>Approves or declines a pending request.</summary>
    [Alias("Decide")]
    Task DecideAsync(Guid requesterUserId, Guid userId, bool approve);

    /// <summary>Removes someone who joined through this link from what it let them into.</summary>
    [Alias("Remove")]
    Task RemoveAsync(Guid requesterUserId, Guid userId);

    /// <summary>Removes everyone who joined through this link; a bulk removal, confirmed by a second factor.</summary>
    [Alias("RemoveAll")]
    Task<int> RemoveAllAsync(Guid requesterUserId, string? secondFactorCode);
}
