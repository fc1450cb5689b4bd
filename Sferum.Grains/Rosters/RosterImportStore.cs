using System.Text.Json;
using Npgsql;

namespace Sferum.Rosters;

/// <summary>Tables <c>roster_imports</c>, <c>roster_import_files</c> and <c>roster_import_changes</c>.</summary>
public sealed class RosterImportStore(NpgsqlDataSource database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        import_id, school_id, status, created_at, source, file_names, report, academic_year, applied_at, error, base_version,
        created_by, created_by_client
        """;

    /// <summary>Saves a new import with its files and change list in one transaction.</summary>
    public async Task CreateAsync(ImportRecord record, IReadOnlyList<ImportFile> files, IReadOnlyList<ImportChangeRow> changes, ImportRequester requester)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("""
            INSERT INTO roster_imports (import_id, school_id, academic_year, created_at, created_by, created_by_client, source,
                                        file_names, status, base_version, report)
            VALUES (@id, @school, @year, @at, @user, @client, @source, @files, @status, @version, @report::jsonb)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", record.ImportId);
            command.Parameters.AddWithValue("school", record.SchoolId);
            command.Parameters.AddWithValue("year", record.AcademicYear);
            command.Parameters.AddWithValue("at", record.CreatedAt);
            command.Parameters.AddWithValue("user", (object?)requester.UserId ?? DBNull.Value);
            command.Parameters.AddWithValue("client", (object?)requester.JournalClientId ?? DBNull.Value);
            command.Parameters.AddWithValue("source", record.Source);
            command.Parameters.AddWithValue("files", record.FileNames.ToArray());
            command.Parameters.AddWithValue("status", StatusText(record.Status));
            command.Parameters.AddWithValue("version", record.BaseVersion);
            command.Parameters.AddWithValue("report", JsonSerializer.Serialize(record.Report, Json));
            await command.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand("""
            INSERT INTO roster_import_files (import_id, position, file_name, content)
            SELECT @id, p, n, c FROM unnest(@positions, @names, @contents) AS x(p, n, c)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", record.ImportId);
            command.Parameters.AddWithValue("positions", Enumerable.Range(0, files.Count).ToArray());
            command.Parameters.AddWithValue("names", files.Select(f => f.FileName).ToArray());
            command.Parameters.AddWithValue("contents", files.Select(f => f.Content).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand("""
            INSERT INTO roster_import_changes (import_id, section, position, kind, subject, detail)
            SELECT @id, s, p, k, sub, d FROM unnest(@sections, @positions, @kinds, @subjects, @details) AS x(s, p, k, sub, d)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", record.ImportId);
            command.Parameters.AddWithValue("sections", changes.Select(c => (short)c.Section).ToArray());
            command.Parameters.AddWithValue("positions", Enumerable.Range(0, changes.Count).ToArray());
            command.Parameters.AddWithValue("kinds", changes.Select(c => c.Kind).ToArray());
            command.Parameters.AddWithValue("subjects", changes.Select(c => c.Subject).ToArray());
            command.Parameters.AddWithValue("details", changes.Select(c => c.Detail).ToArray());
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task<ImportRecord?> GetAsync(Guid schoolId, Guid importId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM roster_imports WHERE import_id = @id AND school_id = @school");
        command.Parameters.AddWithValue("id", importId);
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public async Task<List<ImportRecord>> ListAsync(Guid schoolId, int take)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM roster_imports WHERE school_id = @school ORDER BY created_at DESC LIMIT @take");
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("take", take);
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<ImportRecord>();
        while (await reader.ReadAsync())
        {
            records.Add(Read(reader));
        }

        return records;
    }

    public async Task<List<ImportFile>> ReadFilesAsync(Guid importId)
    {
        await using var command = database.CreateCommand("SELECT file_name, content FROM roster_import_files WHERE import_id = @id ORDER BY position");
        command.Parameters.AddWithValue("id", importId);
        await using var reader = await command.ExecuteReaderAsync();
        var files = new List<ImportFile>();
        while (await reader.ReadAsync())
        {
            files.Add(new ImportFile(reader.GetString(0), reader.GetFieldValue<byte[]>(1)));
        }

        return files;
    }

    public async Task<List<ImportChangeRow>> ChangesAsync(Guid importId, ImportSection section, int skip, int take)
    {
        await using var command = database.CreateCommand("""
            SELECT kind, subject, detail FROM roster_import_changes
            WHERE import_id = @id AND section = @section ORDER BY position OFFSET @skip LIMIT @take
            """);
        command.Parameters.AddWithValue("id", importId);
        command.Parameters.AddWithValue("section", (short)section);
        command.Parameters.AddWithValue("skip", skip);
        command.Parameters.AddWithValue("take", take);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<ImportChangeRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new ImportChangeRow(section, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Sets the status (and outcome) of an import; inside the apply transaction when one is given.</summary>
    public async Task SetStatusAsync(Guid importId, ImportStatus status, Guid? appliedBy = null, string? error = null,
        NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            UPDATE roster_imports
            SET status = @status, error = @error,
                applied_at = CASE WHEN @status = 'applied' THEN now() ELSE applied_at END,
                applied_by = coalesce(@by, applied_by)
            WHERE import_id = @id
            """;
        await using var owned = connection is null ? await database.OpenConnectionAsync() : null;
        await using var command = new NpgsqlCommand(sql, connection ?? owned, transaction);
        command.Parameters.AddWithValue("id", importId);
        command.Parameters.AddWithValue("status", StatusText(status));
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("by", (object?)appliedBy ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Imports left "applying" by a silo that died: their transaction never committed, so nothing was written.</summary>
    public async Task<int> FailInterruptedAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand("""
            UPDATE roster_imports SET status = 'failed', error = 'Применение было прервано (перезапуск сервера); ничего не записано.'
            WHERE school_id = @school AND status = 'applying'
            """);
        command.Parameters.AddWithValue("school", schoolId);
        return await command.ExecuteNonQueryAsync();
    }

    private static ImportRecord Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        ParseStatus(reader.GetString(2)),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetString(4),
        reader.GetFieldValue<string[]>(5),
        JsonSerializer.Deserialize<StoredReport>(reader.GetString(6), Json)!,
        reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.GetInt32(10),
        reader.IsDBNull(11) ? null : reader.GetGuid(11),
        reader.IsDBNull(12) ? null : reader.GetString(12));

    private static string StatusText(ImportStatus status) => status.ToString().ToLowerInvariant();

    private static ImportStatus ParseStatus(string text) => Enum.Parse<ImportStatus>(text, ignoreCase: true);
}
