using Sferum.Common;

namespace Sferum.Notices;

/// <summary>A person's notices; the key is the person, and nobody else reads or dismisses them.</summary>
public sealed class StaffNoticesGrain(NoticeStore store) : Grain, IStaffNoticesGrain
{
    public async Task<IReadOnlyList<StaffNotice>> ListAsync(Guid requesterUserId)
    {
        RequireOwner(requesterUserId);
        return await store.ListAsync(requesterUserId);
    }

    public Task DismissAsync(Guid requesterUserId, Guid noticeId)
    {
        RequireOwner(requesterUserId);
        return store.DismissAsync(requesterUserId, noticeId);
    }

    private void RequireOwner(Guid userId)
    {
        if (userId != this.GetPrimaryKey())
        {
            throw DomainException.Forbidden("notice.forbidden", "Это чужие уведомления.");
        }
    }
}
