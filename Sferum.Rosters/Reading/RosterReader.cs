using System.IO.Compression;
using Sferum.Rosters.Reading.Journal;
using Sferum.Rosters.Reading.OneRoster;
using Sferum.Rosters.Reading.Tables;

namespace Sferum.Rosters.Reading;

/// <summary>
/// Reads what a school admin (or a journal) uploaded — journal CSV in UTF-8 or Windows-1251, XLSX/XLS workbooks,
/// OneRoster zip bundles, or zips of journal files — into one roster snapshot and a list of problems. The format of
/// each file is detected from its bytes and headers; the admin never has to say what it is.
/// </summary>
public static class RosterReader
{
    private const int MaxZipEntries = 100;

    public static RosterReadResult Read(IReadOnlyList<RosterUpload> uploads, RosterReaderOptions options)
    {
        var problems = new ProblemList();
        var builder = new RosterBuilder(problems);
        var recognised = new List<RecognisedFile>();
        var journal = new JournalTableReader(builder, problems, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14)));
        var files = uploads.ToList();
        if (OneRosterReader.IsBundle(files.Select(u => u.FileName)))
        {
            // A OneRoster bundle uploaded unzipped: its files belong together.
            var bundle = files.Where(u => OneRosterReader.IsBundleFile(u.FileName)).ToList();
            foreach (var tooLarge in bundle.Where(u => u.Content.Length > options.MaxFileBytes))
            {
                problems.Error("file.too-large", tooLarge.FileName, null, null, $"Файл больше {options.MaxFileBytes / (1024 * 1024)} МБ.");
            }

            bundle.RemoveAll(u => u.Content.Length > options.MaxFileBytes);
            OneRosterReader.Read("", bundle.ToDictionary(u => Path.GetFileName(u.FileName), u => u.Content, StringComparer.OrdinalIgnoreCase),
                builder, problems, recognised);
            files = files.Except(bundle).ToList();
        }

        foreach (var upload in files)
        {
            ReadFile(upload.FileName, upload.Content, options, journal, builder, problems, recognised, insideZip: false);
        }

        var snapshot = builder.Build();
        return new RosterReadResult(snapshot, problems.All, recognised);
    }

    private static void ReadFile(string file, byte[] bytes, RosterReaderOptions options, JournalTableReader journal, RosterBuilder builder,
        ProblemList problems, List<RecognisedFile> recognised, bool insideZip)
    {
        if (bytes.Length > options.MaxFileBytes)
        {
            problems.Error("file.too-large", file, null, null, $"Файл больше {options.MaxFileBytes / (1024 * 1024)} МБ. Разделите выгрузку на несколько файлов.");
            return;
        }

        if (bytes.Length == 0)
        {
            problems.Error("file.empty", file, null, null, "Файл пустой.");
            return;
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (IsZip(bytes))
        {
            if (extension is ".xlsx" or ".xlsm" || IsWorkbook(bytes))
            {
                ReadTables(SpreadsheetTableReader.Read(file, bytes, problems), journal, problems, recognised);
            }
            else if (!insideZip)
            {
                ReadZip(file, bytes, options, journal, builder, problems, recognised);
            }
            else
            {
                problems.Error("file.unrecognised", file, null, null, "Архив внутри архива не поддерживается.");
            }
        }
        else if (IsOleDocument(bytes) || extension == ".xls")
        {
            ReadTables(SpreadsheetTableReader.Read(file, bytes, problems), journal, problems, recognised);
        }
        else if (extension is ".xlsx" or ".zip")
        {
            problems.Error("file.corrupt", file, null, null, extension == ".zip" ? "Архив повреждён или это не ZIP." : "Файл таблицы повреждён или это не XLSX: откройте его в Excel и сохраните заново.");
        }
        else if (CsvTableReader.Read(file, bytes, problems) is { } table)
        {
            ReadTables([table], journal, problems, recognised);
        }
    }

    private static void ReadTables(List<RawTable> tables, JournalTableReader journal, ProblemList problems, List<RecognisedFile> recognised)
    {
        foreach (var table in tables)
        {
            var kind = journal.Read(table);
            if (kind is null)
            {
                problems.Error("file.unrecognised", table.File, 1, null,
                    "Не удалось понять, что в файле: ожидались списки учеников (Фамилия, Имя, Класс), родителей (… Кем приходится, Ученик) или сотрудников (… Должность, Классы).");
                kind = "не распознан";
            }

            recognised.Add(new RecognisedFile(table.File, kind, table.Encoding, table.Rows.Count));
        }
    }

    private static void ReadZip(string file, byte[] bytes, RosterReaderOptions options, JournalTableReader journal, RosterBuilder builder,
        ProblemList problems, List<RecognisedFile> recognised)
    {
        Dictionary<string, byte[]> entries;
        bool oneRoster;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (files.Count > MaxZipEntries)
            {
                problems.Error("file.unrecognised", file, null, null, $"В архиве больше {MaxZipEntries} файлов.");
                return;
            }

            // Sizes are checked before unpacking, and again while unpacking: a zip's header can lie.
            var tooLarge = files.FirstOrDefault(e => e.Length > options.MaxFileBytes);
            if (tooLarge is not null)
            {
                problems.Error("file.too-large", $"{file}/{tooLarge.FullName}", null, null, $"Файл в архиве больше {options.MaxFileBytes / (1024 * 1024)} МБ.");
                return;
            }

            oneRoster = OneRosterReader.IsBundle(zip);
            entries = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in files)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = stream.Read(chunk)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > options.MaxFileBytes)
                    {
                        problems.Error("file.too-large", $"{file}/{entry.FullName}", null, null, $"Файл в архиве больше {options.MaxFileBytes / (1024 * 1024)} МБ.");
                        return;
                    }
                }

                entries[entry.FullName] = buffer.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            problems.Error("file.corrupt", file, null, null, "Архив повреждён: скачайте выгрузку из журнала заново.");
            return;
        }

        if (oneRoster)
        {
            OneRosterReader.Read(file, entries, builder, problems, recognised);
            return;
        }

        foreach (var (name, content) in entries)
        {
            ReadFile($"{file}/{name}", content, options, journal, builder, problems, recognised, insideZip: true);
        }
    }

    private static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;

    private static bool IsOleDocument(byte[] bytes) => bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0;

    private static bool IsWorkbook(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
