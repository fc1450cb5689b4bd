using System.Globalization;
using ExcelDataReader;

namespace Sferum.Rosters.Reading.Tables;

/// <summary>
/// Reads every sheet of an .xlsx (or legacy .xls) workbook as a table named "book.xlsx/Sheet". Cells become the text a
/// person sees: dates as dd.MM.yyyy, whole numbers without ".0"; nothing is ever evaluated as a formula.
/// </summary>
public static class SpreadsheetTableReader
{
    static SpreadsheetTableReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static List<RawTable> Read(string file, byte[] bytes, ProblemList problems)
    {
        var tables = new List<RawTable>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            do
            {
                string[]? headers = null;
                var rows = new List<RawRow>();
                var number = 0;
                while (reader.Read())
                {
                    number++;
                    var cells = new string[reader.FieldCount];
                    for (var i = 0; i < cells.Length; i++)
                    {
                        cells[i] = CellText(reader.GetValue(i));
                    }

                    if (cells.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    if (headers is null)
                    {
                        headers = cells;
                    }
                    else
                    {
                        rows.Add(new RawRow(number, cells));
                    }
                }

                if (headers is not null)
                {
                    tables.Add(new RawTable($"{file}/{reader.Name}", headers, rows, null));
                }
            }
            while (reader.NextResult());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Error("file.corrupt", file, null, null, "Файл таблицы повреждён или это не XLSX/XLS: откройте его в Excel и сохраните заново.");
            return [];
        }

        return tables;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "да" : "нет",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
