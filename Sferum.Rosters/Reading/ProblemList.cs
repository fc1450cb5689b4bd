namespace Sferum.Rosters.Reading;

/// <summary>Collects the problems of one read, with shorthands for errors and warnings.</summary>
public sealed class ProblemList
{
    private readonly List<ImportProblem> problems = [];

    public IReadOnlyList<ImportProblem> All => problems;

    public bool HasErrors => problems.Any(p => p.Severity == ProblemSeverity.Error);

    public void Error(string code, string file, int? row, string? column, string message) =>
        problems.Add(new ImportProblem(ProblemSeverity.Error, code, file, row, column, message));

    public void Warning(string code, string file, int? row, string? column, string message) =>
        problems.Add(new ImportProblem(ProblemSeverity.Warning, code, file, row, column, message));
}
