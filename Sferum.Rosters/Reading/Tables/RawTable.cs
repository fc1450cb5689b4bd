namespace Sferum.Rosters.Reading.Tables;

/// <summary>
/// A table as a file or sheet holds it: the header's cells and the data rows, each with the row number a spreadsheet
/// would show (the header is usually row 1), so that problems point at the right line.
/// </summary>
public sealed record RawTable(string File, IReadOnlyList<string> Headers, IReadOnlyList<RawRow> Rows, string? Encoding);

public sealed record RawRow(int Number, string[] Cells)
{
    public string Cell(int column) => column >= 0 && column < Cells.Length ? Cells[column].Trim() : "";
}
