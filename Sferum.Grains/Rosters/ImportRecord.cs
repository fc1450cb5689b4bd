namespace Sferum.Rosters;

/// <summary>A row of <c>roster_imports</c>.</summary>
public sealed record ImportRecord(
    Guid ImportId,
    Guid SchoolId,
    ImportStatus Status,
    DateTimeOffset CreatedAt,
    string Source,
    IReadOnlyList<string> FileNames,
    StoredReport Report,
    string AcademicYear,
    DateTimeOffset? AppliedAt,
    string? Error,
    int BaseVersion,
    Guid? CreatedByUserId,
    string? CreatedByClient)
{
    public ImportReport ToReport(ImportProgress? progress) => new(ImportId, SchoolId, Status, CreatedAt, Source, FileNames,
        Report.Files, Report.Problems, Report.ProblemCount, Report.Contents, Report.Changes, AcademicYear, AppliedAt, Error, progress, CreatedByUserId, CreatedByClient);
}
