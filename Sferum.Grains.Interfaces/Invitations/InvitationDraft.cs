namespace Sferum.Invitations;

/// <summary>
/// A new invitation as its creator asks for it. <see cref="ClassId"/> names the class for the class's two chats,
/// <see cref="ChatId"/> the group or community; <see cref="ChildKey"/> the child of a parent invitation (the member key
/// shown on the class page); <see cref="SecondFactorCode"/> confirms invitations for staff roles.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.InvitationDraft")]
public sealed record InvitationDraft(
    [property: Id(0)] InvitationTarget Target,
    [property: Id(1)] Guid? ClassId,
    [property: Id(2)] Guid? ChatId,
    [property: Id(3)] InvitationRole Role,
    [property: Id(4)] string? ChildKey,
    [property: Id(5)] int ExpiresInDays = InvitationDraft.DefaultExpiryDays,
    [property: Id(6)] int MaxUses = 30,
    [property: Id(7)] bool RequiresApproval = false,
    [property: Id(8)] string? SecondFactorCode = null)
{
    public const int DefaultExpiryDays = 7;
    public const int MaxExpiryDays = 30;
    public const int MaxUseLimit = 1000;
}
