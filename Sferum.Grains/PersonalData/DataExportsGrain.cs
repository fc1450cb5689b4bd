using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Common;

namespace Sferum.PersonalData;

/// <summary>
/// A user's exports (keyed by the user's id, which the web takes from the signed-in session). The subject of every
/// export is checked here against the people this user may export, so no caller can name someone else.
/// </summary>
public sealed class DataExportsGrain(
    ExportablePeople people,
    DataExportStore store,
    AuditLog audit,
    IOptions<DataExportOptions> options,
    TimeProvider clock) : Grain, IDataExportsGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public Task<IReadOnlyList<ExportablePerson>> GetPeopleAsync() => people.ForAsync(UserId);

    public async Task<DataExportView> RequestAsync(string personKey)
    {
        var subject = (await people.ForAsync(UserId)).FirstOrDefault(p => p.Key == personKey)
            ?? throw DomainException.Forbidden("export.forbidden", "Выгрузить можно только свои данные и данные своих несовершеннолетних детей.");
        var now = clock.GetUtcNow();
        if (await store.CountSinceAsync(UserId, now.AddDays(-1)) >= options.Value.PerDay)
        {
            throw new DomainException("export.rate-limited", "За сутки можно подготовить не больше {0} выгрузок. Попробуйте завтра.", options.Value.PerDay);
        }

        var exportId = Guid.NewGuid();
        await store.InsertAsync(exportId, UserId, subject, now.AddHours(options.Value.KeepHours));
        await audit.WriteAsync(new AuditEntry(subject.SchoolId, UserId, null, "person.data-exported",
            subject.IsSelf ? "Запрошена выгрузка своих данных" : "Родитель запросил выгрузку данных ребёнка",
            new Dictionary<string, object?> { ["export"] = exportId, ["journal_id"] = subject.JournalId },
            SubjectUserId: subject.UserId));
        await GrainFactory.GetGrain<IDataExportJobGrain>(exportId).StartAsync();
        return View((await store.GetAsync(exportId))!);
    }

    public async Task<IReadOnlyList<DataExportView>> ListAsync() => (await store.ListAsync(UserId)).Select(View).ToList();

    public async Task<string> TakeDownloadAsync(Guid exportId)
    {
        if (!await store.TakeAsync(exportId, UserId, clock.GetUtcNow()))
        {
            // Someone else's export and a second download look the same: the caller learns nothing about other exports.
            throw new DomainException("export.unknown", "Архив не найден: его уже скачали, срок его хранения истёк или он ещё готовится.");
        }

        return $"{exportId:N}.zip";
    }

    private static DataExportView View(DataExportStore.Row r) =>
        new(r.ExportId, r.SubjectName ?? "Мои данные", r.Status, r.Percent, r.RequestedAt, r.ReadyAt, r.ExpiresAt, r.Size, r.Error);
}
