using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Rosters.Changes;
using Sferum.Rosters.Model;
using Sferum.Rosters.Reading;
using Sferum.Schools;

namespace Sferum.Rosters;

/// <summary>
/// Runs a school's roster imports one step at a time (the grain is not reentrant), so two imports of one school never
/// interleave. Everything it learns is in PostgreSQL: an import survives a page reload, another web node, a restart.
/// </summary>
public sealed class RosterImportGrain(
    RosterImportStore imports,
    RosterStore roster,
    AuditLog audit,
    IOptions<RosterReaderOptions> readerOptions,
    TimeProvider clock,
    Platform.GrainMetrics metrics,
    ILogger<RosterImportGrain> logger) : Grain, IRosterImportGrain, Audit.ISchoolScoped
{
    /// <summary>Keyed by the school: refusals here go to its audit log.</summary>
    public Guid? AuditSchoolId => this.GetPrimaryKey();

    public const int MaxFiles = 20;

    // A second apart: enough to outlast the declaration of a dead silo (README: Reliability).
    private const int RefreshAttempts = 30;

    private (Guid ImportId, ImportProgress Progress)? running;

    private Guid SchoolId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interrupted = await imports.FailInterruptedAsync(SchoolId);
        if (interrupted > 0)
        {
            logger.LogWarning("School {SchoolId}: {Count} interrupted imports marked failed", SchoolId, interrupted);
        }
    }

    public async Task<ImportReport> PreviewAsync(ImportRequester requester, IReadOnlyList<ImportFile> files)
    {
        var school = await AuthorizeAsync(requester);
        if (files.Count is 0 or > MaxFiles || files.Any(f => string.IsNullOrWhiteSpace(f.FileName) || f.Content is null))
        {
            throw new DomainException("import.files-invalid", "Загрузите от 1 до {0} файлов.", MaxFiles);
        }

        var importId = Guid.NewGuid();
        running = (importId, new ImportProgress("Чтение файлов", 0.1));
        try
        {
            var now = clock.GetUtcNow();
            var analysis = await AnalyseAsync(files, school, now);
            var record = new ImportRecord(importId, SchoolId, analysis.Status, now,
                requester.UserId is null ? "api" : "upload", files.Select(f => Path.GetFileName(f.FileName)).ToList(),
                analysis.Report, analysis.AcademicYear, null, null, analysis.BaseVersion, requester.UserId, requester.JournalClientId);
            await imports.CreateAsync(record, files, analysis.Rows, requester);
            await audit.WriteAsync(new AuditEntry(SchoolId, requester.UserId, requester.JournalClientId, "roster.import-previewed",
                $"Загружен список из журнала ({string.Join(", ", record.FileNames)}): {StatusText(analysis.Status)}",
                new Dictionary<string, object?> { ["importId"] = importId, ["problems"] = analysis.Report.ProblemCount }));
            logger.LogInformation("School {SchoolId} import {ImportId} previewed: {Status}, {ProblemCount} problems",
                SchoolId, importId, analysis.Status, analysis.Report.ProblemCount);
            metrics.Imported("preview", record.Source, analysis.Status, analysis.Report.ProblemCount);
            return record.ToReport(null);
        }
        finally
        {
            running = null;
        }
    }

    public async Task<ImportReport> ApplyAsync(ImportRequester requester, Guid importId)
    {
        var school = await AuthorizeAsync(requester);
        var record = await imports.GetAsync(SchoolId, importId)
            ?? throw new DomainException("import.unknown", "Такой загрузки нет.");
        if (record.Status is ImportStatus.Applied or ImportStatus.Unchanged)
        {
            return record.ToReport(null);
        }

        if (record.Status != ImportStatus.Previewed)
        {
            throw new DomainException("import.not-applicable", "Эту загрузку применить нельзя: {0}.", StatusText(record.Status));
        }

        running = (importId, new ImportProgress("Подготовка", 0.05));
        var committed = false;
        await imports.SetStatusAsync(importId, ImportStatus.Applying);
        try
        {
            var files = await imports.ReadFilesAsync(importId);
            var analysis = await AnalyseAsync(files, school, record.CreatedAt);
            if (analysis.BaseVersion != record.BaseVersion || analysis.Changes is null)
            {
                await imports.SetStatusAsync(importId, ImportStatus.Superseded,
                    error: "После предпросмотра был применён другой импорт. Загрузите файлы снова, чтобы увидеть актуальные изменения.");
                metrics.Imported("apply", record.Source, ImportStatus.Superseded, 0);
                return (await imports.GetAsync(SchoolId, importId))!.ToReport(null);
            }

            var counts = analysis.Report.Changes;
            var applied = await roster.ApplyAsync(SchoolId, analysis.AcademicYear, analysis.Changes, record.BaseVersion,
                async (connection, transaction) =>
                {
                    await imports.SetStatusAsync(importId, ImportStatus.Applied, requester.UserId, null, connection, transaction);
                    await audit.WriteAsync(new AuditEntry(SchoolId, requester.UserId, requester.JournalClientId, "roster.import-applied",
                        $"Применён список из журнала ({string.Join(", ", record.FileNames)}): людей +{counts.People.Added} ~{counts.People.Changed} −{counts.People.Removed}, переводов {counts.Moves}",
                        new Dictionary<string, object?> { ["importId"] = importId, ["counts"] = counts }), connection, transaction);
                },
                (stage, fraction) => running = (importId, new ImportProgress(stage, fraction)));
            if (!applied)
            {
                await imports.SetStatusAsync(importId, ImportStatus.Superseded,
                    error: "Пока шла проверка, был применён другой импорт. Загрузите файлы снова.");
                metrics.Imported("apply", record.Source, ImportStatus.Superseded, 0);
                return (await imports.GetAsync(SchoolId, importId))!.ToReport(null);
            }

            // Committed: from here on the import is applied whatever fails, and is never reported otherwise.
            committed = true;
            metrics.Imported("apply", record.Source, ImportStatus.Applied, 0);
            running = (importId, new ImportProgress("Обновление классов", 0.95));
            await RefreshClassesAsync(analysis);
            logger.LogInformation("School {SchoolId} import {ImportId} applied", SchoolId, importId);
            return (await imports.GetAsync(SchoolId, importId))!.ToReport(null);
        }
        catch (Exception ex) when (ex is not DomainException && !committed)
        {
            logger.LogError(ex, "School {SchoolId} import {ImportId} failed; nothing was written", SchoolId, importId);
            metrics.Imported("apply", record.Source, ImportStatus.Failed, 0);
            await imports.SetStatusAsync(importId, ImportStatus.Failed, error: "Не удалось применить загрузку; ничего не изменено. Попробуйте ещё раз.");
            throw new DomainException("import.failed", "Не удалось применить загрузку; ничего не изменено. Попробуйте ещё раз.");
        }
        finally
        {
            running = null;
        }
    }

    public async Task<ImportReport> GetAsync(ImportRequester requester, Guid importId)
    {
        await AuthorizeAsync(requester);
        var record = await imports.GetAsync(SchoolId, importId) ?? throw new DomainException("import.unknown", "Такой загрузки нет.");
        return record.ToReport(running is { } r && r.ImportId == importId ? r.Progress : null);
    }

    public async Task<IReadOnlyList<ImportChangeRow>> GetChangesAsync(ImportRequester requester, Guid importId, ImportSection section, int skip, int take)
    {
        await AuthorizeAsync(requester);
        if (await imports.GetAsync(SchoolId, importId) is null)
        {
            throw new DomainException("import.unknown", "Такой загрузки нет.");
        }

        return await imports.ChangesAsync(importId, section, Math.Max(0, skip), Math.Clamp(take, 1, 500));
    }

    public async Task<IReadOnlyList<ImportReport>> ListAsync(ImportRequester requester, int take)
    {
        await AuthorizeAsync(requester);
        var records = await imports.ListAsync(SchoolId, Math.Clamp(take, 1, 200));
        return records.Select(r => r.ToReport(running is { } x && x.ImportId == r.ImportId ? x.Progress : null)).ToList();
    }

    /// <summary>Parses, validates and compares with the current roster; pure reading, nothing is written.</summary>
    private async Task<Analysis> AnalyseAsync(IReadOnlyList<ImportFile> files, SchoolSummary school, DateTimeOffset at)
    {
        running = running is { } r ? (r.ImportId, new ImportProgress("Чтение и проверка файлов", 0.15)) : null;
        var uploads = files.Select(f => new RosterUpload(Path.GetFileName(f.FileName), f.Content)).ToList();
        var read = RosterReader.Read(uploads, readerOptions.Value);
        var incoming = read.Snapshot;
        var year = incoming.AcademicYear ?? AcademicYears.At(at, school.TimeZone);
        var fileInfos = read.Files.Select(f => new ImportFileInfo(f.File, f.Kind, f.Encoding, f.DataRows)).ToList();
        var contents = new ImportContents(incoming.Classes.Count,
            incoming.People.Count(p => p.Role == RosterRole.Student), incoming.People.Count(p => p.Role == RosterRole.Parent),
            incoming.People.Count(p => p.Role == RosterRole.Staff), incoming.Guardianships.Count);

        running = running is { } r2 ? (r2.ImportId, new ImportProgress("Сравнение с текущим списком", 0.35)) : null;
        var baseVersion = await roster.VersionAsync(SchoolId);
        var current = await roster.LoadAsync(SchoolId, year);
        var problems = read.Problems.ToList();
        if (!read.HasErrors)
        {
            problems.AddRange(RosterReferenceCheck.Find(current, incoming, string.Join(", ", uploads.Select(u => u.FileName))));
        }

        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new Analysis(ImportStatus.Invalid, year, baseVersion, null, [],
                Report(fileInfos, problems, contents, ImportCounts.None));
        }

        var changes = RosterDiff.Compare(current, incoming);
        var rows = ImportChangeRows.Build(changes, current, incoming);
        return new Analysis(changes.IsEmpty ? ImportStatus.Unchanged : ImportStatus.Previewed, year, baseVersion, changes, rows,
            Report(fileInfos, problems, contents, Count(changes)));
    }

    private static StoredReport Report(List<ImportFileInfo> files, List<ImportProblem> problems, ImportContents contents, ImportCounts counts) =>
        new(files, problems.OrderBy(p => p.Severity).Take(ImportReport.MaxProblems).ToList(), problems.Count, contents, counts);

    private static ImportCounts Count(RosterChangeSet changes)
    {
        static ChangeCount C<T>(IReadOnlyList<Change<T>> list) where T : class => new(
            list.Count(c => c.Kind == ChangeKind.Added), list.Count(c => c.Kind == ChangeKind.Changed), list.Count(c => c.Kind == ChangeKind.Removed));
        return new ImportCounts(C(changes.Classes), C(changes.People), C(changes.Enrollments), C(changes.Guardianships), C(changes.Teaching), changes.Moves.Count);
    }

    private async Task RefreshClassesAsync(Analysis analysis)
    {
        // Every class of the year: cheap (one query each) and it also wakes classes whose people were renamed.
        var classIds = await roster.ClassIdsAsync(SchoolId, analysis.AcademicYear, includeRemoved: true);
        await Task.WhenAll(classIds.Select(RefreshClassAsync));
    }

    /// <summary>
    /// Tells one class (and through it its chats) that the roster changed. A class on a silo that just died cannot
    /// answer until the cluster has declared the silo dead (seconds): it is asked again meanwhile, because until it
    /// hears, someone who left the class could still read its chat. A class that re-activates reads the roster afresh.
    /// </summary>
    private async Task RefreshClassAsync(Guid classId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GrainFactory.GetGrain<IClassGrain>(classId).RefreshAsync();
                return;
            }
            catch (Exception ex) when (ex is not DomainException && attempt < RefreshAttempts)
            {
                logger.LogWarning(ex, "Class {ClassId} did not take the new roster (attempt {Attempt}); asking again", classId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex) when (ex is not DomainException)
            {
                logger.LogError(ex, "Class {ClassId} did not take the new roster; it reads it when it next activates", classId);
                return;
            }
        }
    }

    private async Task<SchoolSummary> AuthorizeAsync(ImportRequester requester)
    {
        var schoolGrain = GrainFactory.GetGrain<ISchoolGrain>(SchoolId);
        var school = await schoolGrain.GetAsync();
        var allowed = school is not null && requester switch
        {
            { UserId: { } userId, JournalClientId: null } => await schoolGrain.IsAdminAsync(userId),
            { UserId: null, JournalClientId: { } clientId } => await schoolGrain.IsJournalClientAllowedAsync(clientId),
            _ => false,
        };
        return allowed ? school! : throw DomainException.Forbidden("import.forbidden", "Загружать списки школы могут только её администраторы и подключённые журналы.");
    }

    private static string StatusText(ImportStatus status) => status switch
    {
        ImportStatus.Invalid => "есть ошибки",
        ImportStatus.Previewed => "ждёт применения",
        ImportStatus.Unchanged => "изменений нет",
        ImportStatus.Applying => "применяется",
        ImportStatus.Applied => "применено",
        ImportStatus.Failed => "не удалось",
        _ => "устарело",
    };

    private sealed record Analysis(
        ImportStatus Status,
        string AcademicYear,
        int BaseVersion,
        RosterChangeSet? Changes,
        List<ImportChangeRow> Rows,
        StoredReport Report);
}
