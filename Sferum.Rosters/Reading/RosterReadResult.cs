using Sferum.Rosters.Model;

namespace Sferum.Rosters.Reading;

/// <summary>
/// What the uploads say, and everything wrong with them. With any error the snapshot is incomplete and must not be
/// applied; with warnings only it is whole.
/// </summary>
/// <param name="Files">Each uploaded file (or zip entry / workbook sheet) with what it was recognised as.</param>
public sealed record RosterReadResult(RosterSnapshot Snapshot, IReadOnlyList<ImportProblem> Problems, IReadOnlyList<RecognisedFile> Files)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>"students.csv: журнал, ученики, Windows-1251, разделитель «;», 120 строк".</summary>
public sealed record RecognisedFile(string File, string Kind, string? Encoding, int DataRows);
