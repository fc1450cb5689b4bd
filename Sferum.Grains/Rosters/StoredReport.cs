namespace Sferum.Rosters;

/// <summary>The parts of an <see cref="ImportReport"/> kept as JSON in <c>roster_imports.report</c>.</summary>
public sealed record StoredReport(
    IReadOnlyList<ImportFileInfo> Files,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemCount,
    ImportContents Contents,
    ImportCounts Changes);
