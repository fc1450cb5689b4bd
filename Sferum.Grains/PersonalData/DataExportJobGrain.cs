using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Sferum.Files;
using Sferum.Identity;

namespace Sferum.PersonalData;

/// <summary>
/// Writes one export's archive in the background. The row in <c>data_exports</c> is the job's state: a reminder
/// restarts a job that a dead silo left running, and later deletes the archive once it was downloaded or expired.
/// </summary>
public sealed class DataExportJobGrain(
    DataExportStore store,
    ExportArchive archive,
    ExportFolder folder,
    Digest.DigestStore digests,
    IOptions<DataExportOptions> options,
    TimeProvider clock,
    ILogger<DataExportJobGrain> logger) : Grain, IDataExportJobGrain, IRemindable
{
    private const string Check = "check";
    private IGrainTimer? now;
    private bool running;

    private Guid ExportId => this.GetPrimaryKey();

    public async Task StartAsync()
    {
        await this.RegisterOrUpdateReminder(Check, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        now ??= this.RegisterGrainTimer(_ => RunAsync(), TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunAsync();

    private async Task RunAsync()
    {
        now?.Dispose();
        now = null;
        if (running)
        {
            return;
        }

        running = true;
        try
        {
            var row = await store.GetAsync(ExportId);
            if (row is null)
            {
                await StopAsync();
            }
            else if (row.Status is DataExportStatus.Queued or DataExportStatus.Running)
            {
                await WriteAsync(row);
            }
            else if (row.Status is DataExportStatus.Ready && row.ExpiresAt > clock.GetUtcNow())
            {
                // Waits for its download; the reminder comes back to delete it afterwards.
            }
            else
            {
                await store.ExpireOneAsync(ExportId, clock.GetUtcNow());
                folder.Delete(ExportId);
                await StopAsync();
            }
        }
        finally
        {
            running = false;
        }
    }

    private async Task WriteAsync(DataExportStore.Row row)
    {
        var path = folder.PathOf(ExportId);
        var partial = path + ".partial";
        try
        {
            await store.SetProgressAsync(ExportId, DataExportStatus.Running, 0);
            var account = row.SubjectUserId is { } user
                ? Account(await GrainFactory.GetGrain<IUserGrain>(user).GetProfileAsync(), await digests.GetSettingsAsync(user), await digests.LastSentAsync(user))
                : null;
            await archive.WriteAsync(new ExportArchive.Subject(row.SubjectUserId, row.SubjectSchoolId, row.SubjectJournalId, account), partial,
                percent => store.SetProgressAsync(ExportId, DataExportStatus.Running, Math.Min(percent, 99)));
            File.Move(partial, path, overwrite: true);
            var ready = clock.GetUtcNow();
            await store.MarkReadyAsync(ExportId, new FileInfo(path).Length, ready, ready.AddHours(options.Value.KeepHours));
        }
        catch (Exception ex) when (ex is IOException or Npgsql.NpgsqlException or UnauthorizedAccessException)
        {
            logger.LogWarning("Export {ExportId} failed: {Error}", ExportId, ex.Message);
            File.Delete(partial);
            await store.MarkFailedAsync(ExportId, "Не удалось подготовить архив. Попробуйте ещё раз позже.");
            await StopAsync();
        }
    }

    private static object? Account(UserProfile? p, Digest.DigestStore.Settings? digest, DateTimeOffset? lastDigest) => p is null ? null : new Dictionary<string, object?>
    {
        ["фамилия"] = p.Name.LastName,
        ["имя"] = p.Name.FirstName,
        ["отчество"] = p.Name.MiddleName,
        ["снилс"] = p.Snils,
        ["эл_почта"] = p.Email,
        ["телефон"] = p.Phone,
        ["уровень_учётной_записи"] = p.Trust.ToString(),
        ["в_сферуме_с"] = p.CreatedAt,
        ["последний_вход"] = p.LastSignInAt,
        ["приложение_одноразовых_кодов"] = p.SecondFactorEnrolled,
        ["сводка_на_почту"] = digest is null ? null : new Dictionary<string, object?>
        {
            ["включена"] = digest.Enabled switch { true => "да", false => "нет", null => "по умолчанию школы для родителей" },
            ["как_часто"] = digest.EveryHours == 0 ? $"раз в день в {digest.SendHour:00}:00" : $"каждые {digest.EveryHours} ч",
            ["последнее_письмо"] = lastDigest,
        },
        ["источник"] = "поставщик входа (ЕСИА) при входе в Сферум",
    };

    private async Task StopAsync()
    {
        if (await this.GetReminder(Check) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }
}
