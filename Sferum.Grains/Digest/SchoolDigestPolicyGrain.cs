using Sferum.Audit;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.Digest;

/// <summary>A school's digest policy: read and changed by its admins only (the school grain says who they are).</summary>
public sealed class SchoolDigestPolicyGrain(DigestStore store, AuditLog audit) : Grain, ISchoolDigestPolicyGrain
{
    private Guid SchoolId => this.GetPrimaryKey();

    public async Task<SchoolDigestPolicy> GetAsync(Guid requesterUserId)
    {
        await RequireAdminAsync(requesterUserId);
        return await store.PolicyAsync(SchoolId);
    }

    public async Task<SchoolDigestPolicy> SetAsync(Guid requesterUserId, SchoolDigestPolicy policy)
    {
        await RequireAdminAsync(requesterUserId);
        if (policy.ParentsHour is < 0 or > 23)
        {
            throw new DomainException("digest.hour-invalid", "Час сводки для родителей: от 0 до 23.");
        }

        await store.SavePolicyAsync(SchoolId, policy, requesterUserId);
        await audit.WriteAsync(new AuditEntry(SchoolId, requesterUserId, null, "digest.policy-changed",
            $"Сводка на почту: родителям {(policy.ParentsOn ? $"по умолчанию в {policy.ParentsHour}:00" : "только по их выбору")}, текст сообщений {(policy.IncludeText ? "показывать" : "не показывать")}"));
        return policy;
    }

    private async Task RequireAdminAsync(Guid userId)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("digest.forbidden-school", "Настройки сводки меняют только администраторы школы.");
        }
    }
}
