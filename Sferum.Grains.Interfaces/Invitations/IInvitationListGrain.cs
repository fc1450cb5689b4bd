using Orleans.Concurrency;

namespace Sferum.Invitations;

/// <summary>Lists the invitations of a class or a chat for those who may manage them. Stateless.</summary>
[Alias("Sferum.IInvitationListGrain")]
public interface IInvitationListGrain : IGrainWithIntegerKey
{
    [Alias("ForClass")]
    Task<IReadOnlyList<InvitationDetails>> ForClassAsync(Guid requesterUserId, Guid classId);

    [Alias("ForChat")]
    Task<IReadOnlyList<InvitationDetails>> ForChatAsync(Guid requesterUserId, Guid chatId);
}
