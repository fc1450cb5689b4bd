using Orleans.Concurrency;
using Sferum.Common;

namespace Sferum.Invitations;

/// <summary>Each invitation answers for itself: the list holds those its requester may see and skips the rest.</summary>
[StatelessWorker]
public sealed class InvitationListGrain(InvitationStore store) : Grain, IInvitationListGrain
{
    public async Task<IReadOnlyList<InvitationDetails>> ForClassAsync(Guid requesterUserId, Guid classId) =>
        await VisibleAsync(requesterUserId, await store.ListAsync(classId, null));

    public async Task<IReadOnlyList<InvitationDetails>> ForChatAsync(Guid requesterUserId, Guid chatId) =>
        await VisibleAsync(requesterUserId, await store.ListAsync(null, chatId));

    private async Task<IReadOnlyList<InvitationDetails>> VisibleAsync(Guid requester, List<Guid> ids)
    {
        var visible = new List<InvitationDetails>();
        foreach (var id in ids)
        {
            try
            {
                visible.Add(await GrainFactory.GetGrain<IInvitationGrain>(id).GetAsync(requester));
            }
            catch (DomainException ex) when (ex.Code == "forbidden")
            {
                // Someone else's link that this person does not manage.
            }
        }

        return visible;
    }
}
