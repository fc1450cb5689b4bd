using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using Npgsql;

namespace Sferum.Backup;

/// <summary>
/// Restores a backup into an empty deployment: an empty database (the silos must not be running) and an empty file
/// folder. Refuses anything else rather than mix two schools' data. After pg_restore (one transaction: all or nothing)
/// every table's row count is compared with the manifest and every file's content with its name.
/// </summary>
public static class RestoreCommand
{
    public static async Task<BackupManifest> RunAsync(string connectionString, string filesFolder, string archive, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        if (!File.Exists(archive))
        {
            throw new BackupException($"No backup at {archive}.");
        }

        await EnsureEmptyDatabaseAsync(connectionString);
        if (FileFolder.StoredFiles(filesFolder).Any())
        {
            throw new BackupException($"The file folder {filesFolder} already holds files: restore only into an empty folder.");
        }

        var work = Directory.CreateTempSubdirectory("sferum-restore-");
        try
        {
            try
            {
                await ExtractAsync(archive, work.FullName);
            }
            catch (Exception ex) when (ex is InvalidDataException or FormatException or EndOfStreamException)
            {
                throw new BackupException($"{archive} is not a Sferum backup or is damaged: {ex.Message}");
            }

            var manifestFile = Path.Combine(work.FullName, "manifest.json");
            var dump = Path.Combine(work.FullName, "database.dump");
            if (!File.Exists(manifestFile) || !File.Exists(dump))
            {
                throw new BackupException($"{archive} is not a Sferum backup: it lacks manifest.json or database.dump.");
            }

            var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile), ManifestJson.Options)
                ?? throw new BackupException("The backup's manifest is empty.");
            if (manifest.FormatVersion != BackupManifest.CurrentFormat)
            {
                throw new BackupException($"The backup's format {manifest.FormatVersion} is not the one this tool reads ({BackupManifest.CurrentFormat}).");
            }

            await PgTool.RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                $"--dbname={LibpqEnvironment.From(connectionString)["PGDATABASE"]}", dump], LibpqEnvironment.From(connectionString));
            await VerifyRowsAsync(connectionString, manifest);
            log.WriteLine($"Database restored at schema version {manifest.SchemaVersion}: {manifest.Rows.Values.Sum():N0} rows, every table's count " +
                $"as in the backup ({clock.Elapsed.TotalSeconds:F1} s)");

            var files = FileFolder.StoredFiles(Path.Combine(work.FullName, "files")).ToList();
            foreach (var (relative, full) in files)
            {
                await FileFolder.VerifyAsync(relative, full);
                var target = Path.Combine(filesFolder, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(full, target);
            }

            if (files.Count != manifest.Files)
            {
                throw new BackupException($"The backup lists {manifest.Files} stored files but holds {files.Count}.");
            }

            log.WriteLine($"{files.Count:N0} stored files restored and verified; done in {clock.Elapsed.TotalSeconds:F1} s. Start the silos, then the web nodes.");
            return manifest;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task EnsureEmptyDatabaseAsync(string connectionString)
    {
        await using var connection = await Sferum.Database.DatabaseConnections.OpenAsync(connectionString);
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
        var count = (long)(await tables.ExecuteScalarAsync())!;
        if (count > 0)
        {
            throw new BackupException($"The database {Sferum.Database.DatabaseConnections.Describe(connectionString)} is not empty ({count} tables): " +
                "restore only into a new, empty database, with no silo running on it.");
        }
    }

    private static async Task VerifyRowsAsync(string connectionString, BackupManifest manifest)
    {
        await using var connection = await Sferum.Database.DatabaseConnections.OpenAsync(connectionString);
        var restored = await RowCounts.ReadAsync(connection, null, DatabaseSnapshot.TablesWithoutData);
        var wrong = manifest.Rows.Where(t => restored.GetValueOrDefault(t.Key, -1) != t.Value)
            .Select(t => $"{t.Key}: {restored.GetValueOrDefault(t.Key, -1)} rows, the backup has {t.Value}").ToList();
        if (wrong.Count > 0)
        {
            throw new BackupException($"The restored database differs from the backup: {string.Join("; ", wrong)}.");
        }
    }

    private static async Task ExtractAsync(string archive, string folder)
    {
        await using var input = File.OpenRead(archive);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            // Only the names a backup writes: nothing may land outside the work folder.
            var name = entry.Name;
            if (entry.EntryType is not TarEntryType.RegularFile || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
            {
                throw new BackupException($"{archive} holds an unexpected entry '{name}': not a Sferum backup.");
            }

            var target = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await entry.ExtractToFileAsync(target, overwrite: false);
        }
    }
}
