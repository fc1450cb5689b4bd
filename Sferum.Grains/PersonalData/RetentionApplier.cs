using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Files;
using Sferum.Sessions;

namespace Sferum.PersonalData;

/// <summary>
/// Applies retention: a school's policy (for its admin's button and for the nightly job alike) and the platform's
/// part — the audit log past its period, exports past their day, stored files nothing refers to any more, the ID
/// tokens of sessions past their lifetime.
/// </summary>
public sealed class RetentionApplier(
    RetentionStore store,
    DataExportStore exports,
    ExportFolder exportFolder,
    IFileStore files,
    AuditLog audit,
    IOptions<RetentionOptions> options,
    IOptions<SessionOptions> sessions,
    TimeProvider clock)
{
    public async Task<RetentionReport> ApplySchoolAsync(Guid schoolId, string trigger, Guid? by)
    {
        var report = await store.ApplyAsync(schoolId, await store.GetAsync(schoolId), clock.GetUtcNow(), trigger);
        await audit.WriteAsync(new AuditEntry(schoolId, by, null, "retention.applied",
            $"Применены сроки хранения: удалено сообщений — {report.MessagesRemoved}, откреплено файлов — {report.FilesDetached}, удалено материалов — {report.MaterialsRemoved}",
            new Dictionary<string, object?> { ["trigger"] = trigger, ["events"] = report.EventsRemoved }));
        return report;
    }

    public async Task<RetentionReport> ApplyPlatformAsync(string trigger)
    {
        var now = clock.GetUtcNow();
        var auditRemoved = await store.PurgeAuditAsync(now.AddYears(-options.Value.AuditYears));
        var exportsRemoved = exportFolder.DeleteAllBut(await exports.ExpireAsync(now));
        var sessionsRemoved = await store.PurgeSessionsAsync(now.AddDays(-options.Value.SessionDays));
        await store.ForgetExpiredSessionTokensAsync(now.AddHours(-sessions.Value.LifetimeHours));
        var referenced = await store.ReferencedFilesAsync();
        var spareAfter = now.AddHours(-options.Value.UnreferencedFileHours);
        var storedRemoved = 0;
        foreach (var (hash, storedAt) in files.List().ToList())
        {
            if (storedAt < spareAfter && !referenced.Contains(hash) && await files.DeleteAsync(hash))
            {
                storedRemoved++;
            }
        }

        var report = new RetentionReport(null, now, trigger, 0, 0, 0, 0, auditRemoved, exportsRemoved, storedRemoved, sessionsRemoved);
        await store.SaveAsync(report);
        await audit.WriteAsync(new AuditEntry(null, null, null, "retention.applied",
            $"Сроки хранения платформы: удалено записей журнала — {auditRemoved}, выгрузок — {exportsRemoved}, файлов без ссылок — {storedRemoved}, завершённых сеансов — {sessionsRemoved}",
            new Dictionary<string, object?> { ["trigger"] = trigger }));
        return report;
    }
}
