namespace Sferum.Rosters.Export;

/// <summary>
/// Values written into a CSV or spreadsheet that Sferum exports: a cell starting with =, +, -, @, tab or CR would be
/// run as a formula by Excel, so it is prefixed with an apostrophe and stays text.
/// </summary>
public static class SpreadsheetText
{
    public static string Escape(string? value) =>
        string.IsNullOrEmpty(value) || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? value ?? "" : "'" + value;
}
