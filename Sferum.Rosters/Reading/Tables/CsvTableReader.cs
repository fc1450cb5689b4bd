using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Sferum.Rosters.Reading.Tables;

/// <summary>Reads delimited text (';', ',' or tab, quoted fields, CRLF or LF) with CsvHelper.</summary>
public static class CsvTableReader
{
    public static RawTable? Read(string file, byte[] bytes, ProblemList problems)
    {
        var decoded = TextDecoding.Decode(bytes);
        if (decoded is null)
        {
            problems.Error("file.encoding-unknown", file, null, null,
                "Не удалось определить кодировку файла: это не текст в UTF-8 или Windows-1251. Выгрузите из журнала CSV или XLSX.");
            return null;
        }

        var (text, encoding) = decoded.Value;
        var delimiter = DetectDelimiter(text);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter,
            HasHeaderRecord = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };

        var rows = new List<RawRow>();
        string[]? headers = null;
        using var parser = new CsvParser(new StringReader(text), config);
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (headers is null)
            {
                headers = record;
            }
            else
            {
                rows.Add(new RawRow(parser.RawRow, record));
            }
        }

        var name = delimiter switch { ";" => "«;»", "," => "«,»", _ => "табуляция" };
        return new RawTable(file, headers ?? [], rows, $"{encoding}, разделитель {name}");
    }

    // The header line decides: the candidate that occurs most often outside quotes.
    private static string DetectDelimiter(string text)
    {
        var counts = new Dictionary<char, int> { [';'] = 0, [','] = 0, ['\t'] = 0 };
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                if (counts.Values.Any(v => v > 0))
                {
                    break;
                }
            }
            else if (!quoted && counts.ContainsKey(c))
            {
                counts[c]++;
            }
        }

        return counts.MaxBy(kv => kv.Value).Key.ToString();
    }
}
