using Npgsql;
using Sferum.Audit;

namespace Sferum.DataRequests;

/// <summary>
/// Table <c>data_requests</c>; the school's requests grain is its only writer. Each change is committed together with
/// its audit entry (written last, as the audit chain asks), so nothing happens to a request that the log lacks.
/// </summary>
public sealed class DataRequestStore(NpgsqlDataSource database, AuditLog audit)
{
    private const string Columns = """
        request_id, school_id, kind, subject_user_id, subject_journal_id, subject_name, by_representative, requester_user_id,
        requester_journal_id, requester_name, details, received_on, due_on, destroy_due_on, stopped_on, extended_on,
        extension_reason, closed_on, outcome, registered_by, registered_at
        """;

    /// <summary>Adds the request unless one with its id exists; false when it did.</summary>
    public async Task<bool> AddAsync(DataRequestRecord r, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO data_requests ({Columns})
            VALUES (@id, @school, @kind, @subjectUser, @subjectJournal, @subjectName, @byRepresentative, @requesterUser,
                    @requesterJournal, @requesterName, @details, @received, @due, @destroyDue, NULL, NULL, NULL, NULL, NULL, @by, @at)
            ON CONFLICT (request_id) DO NOTHING
            """, connection, transaction);
        command.Parameters.AddWithValue("id", r.RequestId);
        command.Parameters.AddWithValue("school", r.SchoolId);
        command.Parameters.AddWithValue("kind", (short)r.Kind);
        command.Parameters.AddWithValue("subjectUser", (object?)r.SubjectUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("subjectJournal", (object?)r.SubjectJournalId ?? DBNull.Value);
        command.Parameters.AddWithValue("subjectName", r.SubjectName);
        command.Parameters.AddWithValue("byRepresentative", r.ByRepresentative);
        command.Parameters.AddWithValue("requesterUser", (object?)r.RequesterUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("requesterJournal", (object?)r.RequesterJournalId ?? DBNull.Value);
        command.Parameters.AddWithValue("requesterName", r.RequesterName);
        command.Parameters.AddWithValue("details", r.Details);
        command.Parameters.AddWithValue("received", r.ReceivedOn);
        command.Parameters.AddWithValue("due", r.DueOn);
        command.Parameters.AddWithValue("destroyDue", (object?)r.DestroyDueOn ?? DBNull.Value);
        command.Parameters.AddWithValue("by", r.RegisteredBy);
        command.Parameters.AddWithValue("at", r.RegisteredAt);
        if (await command.ExecuteNonQueryAsync() == 0)
        {
            return false;
        }

        await audit.WriteAsync(entry, connection, transaction);
        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Writes what can change after registration (due date, steps, closing) with its audit entry.</summary>
    public async Task UpdateAsync(DataRequestRecord r, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE data_requests SET due_on = @due, stopped_on = @stopped, extended_on = @extended, extension_reason = @reason,
                                     closed_on = @closed, outcome = @outcome
            WHERE request_id = @id AND school_id = @school
            """, connection, transaction);
        command.Parameters.AddWithValue("id", r.RequestId);
        command.Parameters.AddWithValue("school", r.SchoolId);
        command.Parameters.AddWithValue("due", r.DueOn);
        command.Parameters.AddWithValue("stopped", (object?)r.StoppedOn ?? DBNull.Value);
        command.Parameters.AddWithValue("extended", (object?)r.ExtendedOn ?? DBNull.Value);
        command.Parameters.AddWithValue("reason", (object?)r.ExtensionReason ?? DBNull.Value);
        command.Parameters.AddWithValue("closed", (object?)r.ClosedOn ?? DBNull.Value);
        command.Parameters.AddWithValue("outcome", (object?)r.Outcome ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
        await audit.WriteAsync(entry, connection, transaction);
        await transaction.CommitAsync();
    }

    public async Task<DataRequestRecord?> GetAsync(Guid schoolId, Guid requestId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM data_requests WHERE school_id = @school AND request_id = @id");
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("id", requestId);
        var found = await ReadAllAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Open requests (and, when asked, the closed ones of the last two years), at most 500.</summary>
    public async Task<List<DataRequestRecord>> ListAsync(Guid schoolId, bool includeClosed)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM data_requests
            WHERE school_id = @school AND (closed_on IS NULL OR (@all AND registered_at > now() - interval '2 years'))
            ORDER BY due_on LIMIT 500
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("all", includeClosed);
        return await ReadAllAsync(command);
    }

    private static async Task<List<DataRequestRecord>> ReadAllAsync(NpgsqlCommand command)
    {
        var found = new List<DataRequestRecord>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            found.Add(new DataRequestRecord(
                r.GetGuid(0), r.GetGuid(1), (DataRequestKind)r.GetInt16(2), Nullable<Guid>(r, 3), Text(r, 4), r.GetString(5), r.GetBoolean(6),
                Nullable<Guid>(r, 7), Text(r, 8), r.GetString(9), r.GetString(10), r.GetFieldValue<DateOnly>(11), r.GetFieldValue<DateOnly>(12),
                Nullable<DateOnly>(r, 13), Nullable<DateOnly>(r, 14), Nullable<DateOnly>(r, 15), Text(r, 16), Nullable<DateOnly>(r, 17), Text(r, 18),
                r.GetGuid(19), r.GetFieldValue<DateTimeOffset>(20)));
        }

        return found;
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
