using Npgsql;
using NpgsqlTypes;

namespace Sferum.PersonalData;

/// <summary>
/// The SQL of retention: a school's policy, the removal of what it no longer keeps (in one transaction, so a school
/// is never half-applied) and the reports. Every removal is by date, so running it again removes nothing more.
/// </summary>
public sealed class RetentionStore(NpgsqlDataSource database)
{
    // Every chat of the school: its classes' two chats each, and the chats it holds itself (direct, group, channel, communities).
    private const string SchoolChats = """
        SELECT class_chat_id FROM roster_classes WHERE school_id = @school
        UNION SELECT parents_chat_id FROM roster_classes WHERE school_id = @school
        UNION SELECT chat_id FROM chats WHERE school_id = @school
        """;

    public async Task<RetentionPolicy> GetAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand("SELECT chat_years, file_years, keep_pinned, keep_materials FROM school_retention WHERE school_id = @school");
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new RetentionPolicy(reader.IsDBNull(0) ? null : reader.GetInt16(0), reader.IsDBNull(1) ? null : reader.GetInt16(1), reader.GetBoolean(2), reader.GetBoolean(3))
            : RetentionPolicy.KeepEverything;
    }

    public async Task SetAsync(Guid schoolId, RetentionPolicy policy, Guid by)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO school_retention (school_id, chat_years, file_years, keep_pinned, keep_materials, updated_by)
            VALUES (@school, @chat, @file, @pinned, @materials, @by)
            ON CONFLICT (school_id) DO UPDATE SET chat_years = excluded.chat_years, file_years = excluded.file_years,
                keep_pinned = excluded.keep_pinned, keep_materials = excluded.keep_materials, updated_at = now(), updated_by = excluded.updated_by
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.Add(new NpgsqlParameter<short?>("chat", NpgsqlDbType.Smallint) { TypedValue = (short?)policy.ChatYears });
        command.Parameters.Add(new NpgsqlParameter<short?>("file", NpgsqlDbType.Smallint) { TypedValue = (short?)policy.FileYears });
        command.Parameters.AddWithValue("pinned", policy.KeepPinned);
        command.Parameters.AddWithValue("materials", policy.KeepMaterials);
        command.Parameters.AddWithValue("by", by);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Schools that remove anything: the nightly job visits only these.</summary>
    public async Task<IReadOnlyList<Guid>> SchoolsWithLimitsAsync()
    {
        await using var command = database.CreateCommand("SELECT school_id FROM school_retention WHERE chat_years IS NOT NULL OR file_years IS NOT NULL");
        var schools = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            schools.Add(reader.GetGuid(0));
        }

        return schools;
    }

    public async Task<RetentionReport> ApplyAsync(Guid schoolId, RetentionPolicy policy, DateTimeOffset now, string trigger)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        int messages = 0, events = 0, detached = 0, materials = 0;
        if (policy.ChatYears is { } chatYears)
        {
            var cutoff = now.AddYears(-chatYears);
            // Each chat keeps its newest event: a chat's next number is the largest one stored, and must never go back.
            events = await ExecuteAsync(connection, transaction, $"""
                DELETE FROM chat_events e USING ({SchoolChats}) c(chat_id)
                WHERE e.chat_id = c.chat_id AND e.at < @cutoff
                  AND e.seq < (SELECT max(l.seq) FROM chat_events l WHERE l.chat_id = e.chat_id)
                  AND NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.chat_id = e.chat_id AND m.seq = coalesce(e.target_seq, e.seq)
                                  AND ((@pinned AND m.pinned_at IS NOT NULL) OR (@materials AND m.attachments <> '[]') OR m.at >= @cutoff))
                """, schoolId, cutoff, policy);
            messages = await ExecuteAsync(connection, transaction, $"""
                DELETE FROM chat_messages m USING ({SchoolChats}) c(chat_id)
                WHERE m.chat_id = c.chat_id AND m.at < @cutoff
                  AND NOT (@pinned AND m.pinned_at IS NOT NULL) AND NOT (@materials AND m.attachments <> '[]')
                """, schoolId, cutoff, policy);
        }

        if (policy.FileYears is { } fileYears)
        {
            var cutoff = now.AddYears(-fileYears);
            detached = await ExecuteAsync(connection, transaction, $"""
                UPDATE chat_messages m SET attachments = '[]' FROM ({SchoolChats}) c(chat_id)
                WHERE m.chat_id = c.chat_id AND m.at < @cutoff AND m.attachments <> '[]' AND NOT (@pinned AND m.pinned_at IS NOT NULL)
                """, schoolId, cutoff, policy);
            if (!policy.KeepMaterials)
            {
                materials = await ExecuteAsync(connection, transaction,
                    "DELETE FROM class_materials WHERE school_id = @school AND lesson_date < @cutoff::date", schoolId, cutoff, policy);
            }
        }

        var report = new RetentionReport(schoolId, now, trigger, messages, events, detached, materials, 0, 0, 0);
        await SaveAsync(report, connection, transaction);
        await transaction.CommitAsync();
        return report;
    }

    public async Task SaveAsync(RetentionReport report, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            INSERT INTO retention_runs (school_id, ran_at, trigger, messages_removed, events_removed, files_detached, materials_removed,
                                        audit_removed, exports_removed, stored_files_removed, sessions_removed)
            VALUES (@school, @at, @trigger, @messages, @events, @detached, @materials, @audit, @exports, @stored, @sessions)
            """;
        await using var owned = connection is null ? await database.OpenConnectionAsync() : null;
        await using var command = new NpgsqlCommand(sql, connection ?? owned, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("school", NpgsqlDbType.Uuid) { TypedValue = report.SchoolId });
        command.Parameters.AddWithValue("at", report.RanAt);
        command.Parameters.AddWithValue("trigger", report.Trigger);
        command.Parameters.AddWithValue("messages", report.MessagesRemoved);
        command.Parameters.AddWithValue("events", report.EventsRemoved);
        command.Parameters.AddWithValue("detached", report.FilesDetached);
        command.Parameters.AddWithValue("materials", report.MaterialsRemoved);
        command.Parameters.AddWithValue("audit", report.AuditRemoved);
        command.Parameters.AddWithValue("exports", report.ExportsRemoved);
        command.Parameters.AddWithValue("stored", report.StoredFilesRemoved);
        command.Parameters.AddWithValue("sessions", report.SessionsRemoved);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<RetentionReport>> ReportsAsync(Guid? schoolId, int limit = 20)
    {
        await using var command = database.CreateCommand("""
            SELECT school_id, ran_at, trigger, messages_removed, events_removed, files_detached, materials_removed, audit_removed,
                   exports_removed, stored_files_removed, sessions_removed
            FROM retention_runs WHERE school_id IS NOT DISTINCT FROM @school ORDER BY ran_at DESC LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("school", NpgsqlDbType.Uuid) { TypedValue = schoolId });
        command.Parameters.AddWithValue("limit", limit);
        var reports = new List<RetentionReport>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            reports.Add(new RetentionReport(reader.IsDBNull(0) ? null : reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt64(7), reader.GetInt32(8), reader.GetInt32(9),
                reader.GetInt32(10)));
        }

        return reports;
    }

    /// <summary>The audit log's entries written before the cutoff (the chain keeps verifying: migration 0900).</summary>
    public async Task<long> PurgeAuditAsync(DateTimeOffset cutoff)
    {
        await using var command = database.CreateCommand("SELECT audit_purge_before(@cutoff)");
        command.Parameters.AddWithValue("cutoff", cutoff);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Ended sign-in sessions (device, address) older than the cutoff.</summary>
    public async Task<int> PurgeSessionsAsync(DateTimeOffset cutoff)
    {
        await using var command = database.CreateCommand("DELETE FROM user_sessions WHERE ended_at IS NOT NULL AND ended_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Forgets the provider's ID token of sessions started before the cutoff (past their lifetime) that nobody ended:
    /// such a session is refused at its next request anyway, and one never used again is never ended by its grain.
    /// </summary>
    public async Task<int> ForgetExpiredSessionTokensAsync(DateTimeOffset startedBefore)
    {
        await using var command = database.CreateCommand(
            "UPDATE user_sessions SET id_token = NULL WHERE id_token IS NOT NULL AND created_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", startedBefore);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every file hash something still refers to: attachments of messages and files of the materials library.</summary>
    public async Task<HashSet<string>> ReferencedFilesAsync()
    {
        await using var command = database.CreateCommand("""
            SELECT DISTINCT a->>'hash' FROM chat_messages m, jsonb_array_elements(m.attachments) a WHERE m.attachments <> '[]'
            UNION SELECT file_hash FROM class_materials WHERE file_hash IS NOT NULL
            """);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                hashes.Add(reader.GetString(0));
            }
        }

        return hashes;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid schoolId, DateTimeOffset cutoff, RetentionPolicy policy)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("cutoff", cutoff);
        command.Parameters.AddWithValue("pinned", policy.KeepPinned);
        command.Parameters.AddWithValue("materials", policy.KeepMaterials);
        return await command.ExecuteNonQueryAsync();
    }
}
