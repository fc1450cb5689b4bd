using Orleans.Concurrency;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Audit;

[StatelessWorker]
public sealed class AuditQueryGrain(AuditReader reader, AuditLog audit) : Grain, IAuditQueryGrain
{
    public async Task<AuditPage> SearchAsync(Guid requesterUserId, Guid schoolId, AuditQuery query)
    {
        await RequireAdminAsync(requesterUserId, schoolId);
        return await reader.SearchAsync(schoolId, query);
    }

    public async Task<IReadOnlyList<AuditRecord>> ExportAsync(Guid requesterUserId, Guid schoolId, AuditQuery query, string? secondFactorCode)
    {
        await RequireAdminAsync(requesterUserId, schoolId);
        await GrainFactory.GetGrain<IUserGrain>(requesterUserId).VerifySecondFactorAsync(secondFactorCode);
        var records = await reader.ExportAsync(schoolId, query);
        // An export is a read of many entries at once (issue 12: every export is in the log); written after the read,
        // so it is not part of what it exports.
        await audit.WriteAsync(new AuditEntry(schoolId, requesterUserId, null, "audit.exported",
            $"Выгружен журнал действий: записей {records.Count}",
            new Dictionary<string, object?> { ["action"] = query.Action, ["from"] = query.From, ["to"] = query.To, ["count"] = records.Count }));
        return records;
    }

    private async Task RequireAdminAsync(Guid userId, Guid schoolId)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(schoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("audit.forbidden", "Журнал действий школы видят только её администраторы.");
        }
    }
}
