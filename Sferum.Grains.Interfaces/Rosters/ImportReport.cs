namespace Sferum.Rosters;

/// <summary>
/// An import as the admin and the push API see it: its files, problems, what it contains and what applying it
/// changes (or changed). Problems are capped at <see cref="MaxProblems"/>; <see cref="ProblemCount"/> has them all.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sferum.ImportReport")]
public sealed record ImportReport(
    [property: Id(0)] Guid ImportId,
    [property: Id(1)] Guid SchoolId,
    [property: Id(2)] ImportStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string Source,
    [property: Id(5)] IReadOnlyList<string> FileNames,
    [property: Id(6)] IReadOnlyList<ImportFileInfo> Files,
    [property: Id(7)] IReadOnlyList<ImportProblem> Problems,
    [property: Id(8)] int ProblemCount,
    [property: Id(9)] ImportContents Contents,
    [property: Id(10)] ImportCounts Changes,
    [property: Id(11)] string AcademicYear,
    [property: Id(12)] DateTimeOffset? AppliedAt,
    [property: Id(13)] string? Error,
    [property: Id(14)] ImportProgress? Progress,
    [property: Id(15)] Guid? CreatedByUserId,
    [property: Id(16)] string? CreatedByClient)
{
    public const int MaxProblems = 1000;

    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);

    public bool CanApply => Status == ImportStatus.Previewed;
}
