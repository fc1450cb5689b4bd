using Npgsql;
using NpgsqlTypes;

namespace Sferum.PersonalData;

/// <summary>Rows of <c>data_exports</c>: only ids, states and times — no name or other personal data of the subject.</summary>
public sealed class DataExportStore(NpgsqlDataSource database)
{
    public sealed record Row(
        Guid ExportId, Guid RequesterId, Guid? SubjectUserId, Guid? SubjectSchoolId, string? SubjectJournalId,
        DataExportStatus Status, int Percent, long? Size, string? Error, DateTimeOffset RequestedAt, DateTimeOffset? ReadyAt,
        DateTimeOffset ExpiresAt, string? SubjectName);

    private const string Columns = """
        e.export_id, e.requester_id, e.subject_user_id, e.subject_school_id, e.subject_journal_id, e.status, e.percent, e.size,
        e.error, e.requested_at, e.ready_at, e.expires_at,
        (SELECT concat_ws(' ', p.last_name, p.first_name, p.middle_name) FROM roster_people p
         WHERE p.school_id = e.subject_school_id AND p.journal_id = e.subject_journal_id)
        """;

    public async Task InsertAsync(Guid exportId, Guid requesterId, ExportablePerson subject, DateTimeOffset expiresAt)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO data_exports (export_id, requester_id, subject_user_id, subject_school_id, subject_journal_id, expires_at)
            VALUES (@id, @requester, @user, @school, @journal, @expires)
            """);
        command.Parameters.AddWithValue("id", exportId);
        command.Parameters.AddWithValue("requester", requesterId);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user", NpgsqlDbType.Uuid) { TypedValue = subject.UserId });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("school", NpgsqlDbType.Uuid) { TypedValue = subject.SchoolId });
        command.Parameters.Add(new NpgsqlParameter<string?>("journal", NpgsqlDbType.Text) { TypedValue = subject.JournalId });
        command.Parameters.AddWithValue("expires", expiresAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> CountSinceAsync(Guid requesterId, DateTimeOffset since)
    {
        await using var command = database.CreateCommand("SELECT count(*)::integer FROM data_exports WHERE requester_id = @requester AND requested_at >= @since");
        command.Parameters.AddWithValue("requester", requesterId);
        command.Parameters.AddWithValue("since", since);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    public async Task<IReadOnlyList<Row>> ListAsync(Guid requesterId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM data_exports e WHERE e.requester_id = @requester ORDER BY e.requested_at DESC LIMIT 20");
        command.Parameters.AddWithValue("requester", requesterId);
        return await ReadAsync(command);
    }

    public async Task<Row?> GetAsync(Guid exportId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM data_exports e WHERE e.export_id = @id");
        command.Parameters.AddWithValue("id", exportId);
        return (await ReadAsync(command)).SingleOrDefault();
    }

    public async Task SetProgressAsync(Guid exportId, DataExportStatus status, int percent)
    {
        await using var command = database.CreateCommand("UPDATE data_exports SET status = @status, percent = @percent WHERE export_id = @id AND status IN (0, 1)");
        command.Parameters.AddWithValue("id", exportId);
        command.Parameters.AddWithValue("status", (short)status);
        command.Parameters.AddWithValue("percent", (short)percent);
        await command.ExecuteNonQueryAsync();
    }

    public async Task MarkReadyAsync(Guid exportId, long size, DateTimeOffset readyAt, DateTimeOffset expiresAt)
    {
        await using var command = database.CreateCommand("""
            UPDATE data_exports SET status = 2, percent = 100, size = @size, ready_at = @ready, expires_at = @expires
            WHERE export_id = @id AND status IN (0, 1)
            """);
        command.Parameters.AddWithValue("id", exportId);
        command.Parameters.AddWithValue("size", size);
        command.Parameters.AddWithValue("ready", readyAt);
        command.Parameters.AddWithValue("expires", expiresAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task MarkFailedAsync(Guid exportId, string error)
    {
        await using var command = database.CreateCommand("UPDATE data_exports SET status = 5, error = @error WHERE export_id = @id AND status IN (0, 1)");
        command.Parameters.AddWithValue("id", exportId);
        command.Parameters.AddWithValue("error", error);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The one download: true for the first caller who is the requester while the archive is ready and not expired.</summary>
    public async Task<bool> TakeAsync(Guid exportId, Guid requesterId, DateTimeOffset now)
    {
        await using var command = database.CreateCommand("""
            UPDATE data_exports SET status = 3, downloaded_at = @now
            WHERE export_id = @id AND requester_id = @requester AND status = 2 AND expires_at > @now
            """);
        command.Parameters.AddWithValue("id", exportId);
        command.Parameters.AddWithValue("requester", requesterId);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>This export, if past its time and not downloaded, becomes expired.</summary>
    public async Task ExpireOneAsync(Guid exportId, DateTimeOffset now)
    {
        await using var command = database.CreateCommand("UPDATE data_exports SET status = 4 WHERE export_id = @id AND status IN (0, 1, 2) AND expires_at <= @now");
        command.Parameters.AddWithValue("id", exportId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Exports past their time that were not downloaded become expired; returns every id whose archive may go.</summary>
    public async Task<IReadOnlyList<Guid>> ExpireAsync(DateTimeOffset now)
    {
        await using (var expire = database.CreateCommand("UPDATE data_exports SET status = 4 WHERE status IN (0, 1, 2) AND expires_at <= @now"))
        {
            expire.Parameters.AddWithValue("now", now);
            await expire.ExecuteNonQueryAsync();
        }

        await using var live = database.CreateCommand("SELECT export_id FROM data_exports WHERE status IN (0, 1, 2)");
        var keep = new List<Guid>();
        await using var reader = await live.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keep.Add(reader.GetGuid(0));
        }

        return keep;
    }

    private static async Task<IReadOnlyList<Row>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                (DataExportStatus)reader.GetInt16(5), reader.GetInt16(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return rows;
    }
}
