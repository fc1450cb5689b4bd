using Orleans.Concurrency;
using Sferum.Common;
using Sferum.Schools;

namespace Sferum.Audit;

[StatelessWorker]
public sealed class AuditQueryGrain(AuditReader reader) : Grain, IAuditQueryGrain
{
    public async Task<AuditPage> SearchAsync(Guid requesterUserId, Guid schoolId, AuditQuery query)
    {
        await RequireAdminAsync(requesterUserId, schoolId);
        return await reader.SearchAsync(schoolId, query);
    }

    public async Task<IReadOnlyList<AuditRecord>> ExportAsync(Guid requesterUserId, Guid schoolId, AuditQuery query)
    {
        await RequireAdminAsync(requesterUserId, schoolId);
        return await reader.ExportAsync(schoolId, query);
    }

    private async Task RequireAdminAsync(Guid userId, Guid schoolId)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(schoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("Журнал действий школы видят только её администраторы.");
        }
    }
}
