using Npgsql;
using Sferum.Audit;

namespace Sferum.Incidents;

/// <summary>
/// Table <c>incidents</c>. Changes are committed with their audit entry (written last, as the audit chain asks); the
/// signal scanner adds its incidents through <see cref="AddAsync"/> inside its own transaction.
/// </summary>
public sealed class IncidentStore(NpgsqlDataSource database, AuditLog audit)
{
    private const string Columns = """
        incident_id, school_id, status, source, description, data_subjects, people_count, detected_at, measures, causes, harm,
        findings, contact, registered_by, registered_at, first_notice_due, first_notice_sent_at, first_notice_sent_by,
        results_due, results_sent_at, results_sent_by, resolved_at, resolved_by, resolution, tracked_at
        """;

    /// <summary>Adds the incident with its audit entry unless its id exists; false when it did.</summary>
    public async Task<bool> AddAsync(IncidentRecord r, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await InsertAsync(r, connection, transaction))
        {
            return false;
        }

        await audit.WriteAsync(entry, connection, transaction);
        await transaction.CommitAsync();
        return true;
    }

    public static async Task<bool> InsertAsync(IncidentRecord r, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO incidents ({Columns})
            VALUES (@id, @school, @status, @source, @description, @subjects, @count, @detected, @measures, @causes, @harm, @findings, @contact,
                    @by, @at, @firstDue, NULL, NULL, @resultsDue, NULL, NULL, NULL, NULL, NULL, NULL)
            ON CONFLICT (incident_id) DO NOTHING
            """, connection, transaction);
        command.Parameters.AddWithValue("id", r.IncidentId);
        command.Parameters.AddWithValue("school", r.SchoolId);
        command.Parameters.AddWithValue("status", (short)r.Status);
        command.Parameters.AddWithValue("source", r.Source);
        command.Parameters.AddWithValue("description", r.Description);
        command.Parameters.AddWithValue("subjects", r.DataSubjects);
        command.Parameters.AddWithValue("count", (object?)r.PeopleCount ?? DBNull.Value);
        command.Parameters.AddWithValue("detected", r.DetectedAt);
        command.Parameters.AddWithValue("measures", r.Measures);
        command.Parameters.AddWithValue("causes", r.Causes);
        command.Parameters.AddWithValue("harm", r.Harm);
        command.Parameters.AddWithValue("findings", r.Findings);
        command.Parameters.AddWithValue("contact", r.Contact);
        command.Parameters.AddWithValue("by", (object?)r.RegisteredBy ?? DBNull.Value);
        command.Parameters.AddWithValue("at", r.RegisteredAt);
        command.Parameters.AddWithValue("firstDue", r.FirstNoticeDue);
        command.Parameters.AddWithValue("resultsDue", r.ResultsDue);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>Writes what can change after registration, with its audit entry.</summary>
    public async Task UpdateAsync(IncidentRecord r, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            UPDATE incidents SET status = @status, description = @description, data_subjects = @subjects, people_count = @count,
                measures = @measures, causes = @causes, harm = @harm, findings = @findings, contact = @contact,
                first_notice_sent_at = @firstSent, first_notice_sent_by = @firstBy, results_sent_at = @resultsSent, results_sent_by = @resultsBy,
                resolved_at = @resolvedAt, resolved_by = @resolvedBy, resolution = @resolution
            WHERE incident_id = @id
            """, connection, transaction);
        command.Parameters.AddWithValue("id", r.IncidentId);
        command.Parameters.AddWithValue("status", (short)r.Status);
        command.Parameters.AddWithValue("description", r.Description);
        command.Parameters.AddWithValue("subjects", r.DataSubjects);
        command.Parameters.AddWithValue("count", (object?)r.PeopleCount ?? DBNull.Value);
        command.Parameters.AddWithValue("measures", r.Measures);
        command.Parameters.AddWithValue("causes", r.Causes);
        command.Parameters.AddWithValue("harm", r.Harm);
        command.Parameters.AddWithValue("findings", r.Findings);
        command.Parameters.AddWithValue("contact", r.Contact);
        command.Parameters.AddWithValue("firstSent", (object?)r.FirstNoticeSentAt ?? DBNull.Value);
        command.Parameters.AddWithValue("firstBy", (object?)r.FirstNoticeSentBy ?? DBNull.Value);
        command.Parameters.AddWithValue("resultsSent", (object?)r.ResultsSentAt ?? DBNull.Value);
        command.Parameters.AddWithValue("resultsBy", (object?)r.ResultsSentBy ?? DBNull.Value);
        command.Parameters.AddWithValue("resolvedAt", (object?)r.ResolvedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("resolvedBy", (object?)r.ResolvedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("resolution", (object?)r.Resolution ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
        await audit.WriteAsync(entry, connection, transaction);
        await transaction.CommitAsync();
    }

    public async Task MarkTrackedAsync(Guid incidentId, DateTimeOffset at)
    {
        await using var command = database.CreateCommand("UPDATE incidents SET tracked_at = @at WHERE incident_id = @id AND tracked_at IS NULL");
        command.Parameters.AddWithValue("id", incidentId);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IncidentRecord?> GetAsync(Guid incidentId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM incidents WHERE incident_id = @id");
        command.Parameters.AddWithValue("id", incidentId);
        var found = await ReadAllAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>A school's incidents: unresolved first, then the last 200 resolved, newest first.</summary>
    public async Task<List<IncidentRecord>> ListForSchoolAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM incidents WHERE school_id = @school
            ORDER BY (status IN (2, 3)), detected_at DESC LIMIT 200
            """);
        command.Parameters.AddWithValue("school", schoolId);
        return await ReadAllAsync(command);
    }

    public async Task<List<IncidentRecord>> ListUnresolvedAsync()
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM incidents WHERE status IN (0, 1) ORDER BY first_notice_due LIMIT 500");
        return await ReadAllAsync(command);
    }

    /// <summary>Incidents whose grain has not taken over their deadlines (a scanner that stopped between the two steps).</summary>
    public async Task<List<Guid>> UntrackedAsync()
    {
        await using var command = database.CreateCommand("SELECT incident_id FROM incidents WHERE tracked_at IS NULL ORDER BY registered_at LIMIT 100");
        await using var r = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await r.ReadAsync())
        {
            ids.Add(r.GetGuid(0));
        }

        return ids;
    }

    private static async Task<List<IncidentRecord>> ReadAllAsync(NpgsqlCommand command)
    {
        var found = new List<IncidentRecord>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            found.Add(new IncidentRecord(
                r.GetGuid(0), r.GetGuid(1), (IncidentStatus)r.GetInt16(2), r.GetString(3), r.GetString(4), r.GetString(5), Nullable<int>(r, 6),
                r.GetFieldValue<DateTimeOffset>(7), r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12),
                Nullable<Guid>(r, 13), r.GetFieldValue<DateTimeOffset>(14), r.GetFieldValue<DateTimeOffset>(15), Nullable<DateTimeOffset>(r, 16),
                Nullable<Guid>(r, 17), r.GetFieldValue<DateTimeOffset>(18), Nullable<DateTimeOffset>(r, 19), Nullable<Guid>(r, 20),
                Nullable<DateTimeOffset>(r, 21), Nullable<Guid>(r, 22), r.IsDBNull(23) ? null : r.GetString(23), Nullable<DateTimeOffset>(r, 24)));
        }

        return found;
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
