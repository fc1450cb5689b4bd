using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Sferum.Backup;

/// <summary>
/// Takes a consistent backup into one <c>.tar.gz</c>: <c>manifest.json</c>, <c>database.dump</c> (pg_dump, custom
/// format, read in the manifest's snapshot) and <c>files/…</c>. Schools may keep working meanwhile. The archive
/// appears under its name only once complete.
/// </summary>
public static class BackupCommand
{
    public static async Task<BackupManifest> RunAsync(string connectionString, string filesFolder, string archive, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var work = Directory.CreateTempSubdirectory("sferum-backup-");
        try
        {
            var dump = Path.Combine(work.FullName, "database.dump");
            BackupManifest manifest;
            await using (var snapshot = await DatabaseSnapshot.OpenAsync(connectionString))
            {
                var schema = await snapshot.SchemaVersionAsync();
                if (schema == 0)
                {
                    throw new BackupException("The database has no Sferum schema: nothing to back up (check the connection string).");
                }

                var rows = await snapshot.CountRowsAsync();
                await PgTool.RunAsync("pg_dump", [
                    "--format=custom", "--no-owner", "--no-privileges", $"--snapshot={snapshot.Id}", $"--file={dump}",
                    .. DatabaseSnapshot.TablesWithoutData.Select(t => $"--exclude-table-data={t}"),
                ], LibpqEnvironment.From(connectionString));
                var files = FileFolder.StoredFiles(filesFolder).ToList();
                manifest = new BackupManifest(BackupManifest.CurrentFormat, DateTimeOffset.UtcNow, schema, rows, files.Count,
                    files.Sum(f => new FileInfo(f.FullPath).Length));
                log.WriteLine($"Database dumped at schema version {schema}: {rows.Values.Sum():N0} rows in {rows.Count} tables ({clock.Elapsed.TotalSeconds:F1} s)");
            }

            // Files are copied after the dump: every file it names already exists, and stored files never change.
            var partial = archive + ".partial";
            await using (var output = File.Create(partial))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
            {
                var manifestFile = Path.Combine(work.FullName, "manifest.json");
                await File.WriteAllTextAsync(manifestFile, JsonSerializer.Serialize(manifest, ManifestJson.Options));
                await tar.WriteEntryAsync(manifestFile, "manifest.json");
                await tar.WriteEntryAsync(dump, "database.dump");
                var copied = 0;
                foreach (var (relative, full) in FileFolder.StoredFiles(filesFolder))
                {
                    await tar.WriteEntryAsync(full, $"files/{relative}");
                    copied++;
                }

                log.WriteLine($"{copied:N0} stored files copied");
            }

            File.Move(partial, archive, overwrite: true);
            log.WriteLine($"Backup written to {archive} ({new FileInfo(archive).Length / 1024.0 / 1024.0:F1} MB) in {clock.Elapsed.TotalSeconds:F1} s");
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
