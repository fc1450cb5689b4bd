using Npgsql;
using NpgsqlTypes;
using Sferum.Audit;

namespace Sferum.PersonalData;

/// <summary>Table <c>destruction_acts</c> (migration 0935): written by the erasure grains, read by the school's personal-data desk.</summary>
public sealed class DestructionActStore(NpgsqlDataSource database, AuditLog audit)
{
    private const string Columns = """
        act_id, number, school_id, person_key, subject_user_id, person_name, person_role, categories, reason, reason_text,
        performer_name, performer_position, operator_name, operator_address, processor, started_at, completed_at,
        coalesce(pending_names, '{}'), audit_seqs
        """;

    /// <summary>
    /// Opens the act for this person unless one exists (then returns that one): the facts, the names to erase, and the
    /// audit entry of the order, in one transaction (the entry last, as the chain wants).
    /// </summary>
    public async Task<DestructionAct> OpenAsync(DestructionAct act, AuditEntry ordered)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO destruction_acts (act_id, school_id, person_key, subject_user_id, person_name, person_role, categories, reason,
                reason_text, ordered_by, performer_name, performer_position, operator_name, operator_address, processor, pending_names)
            VALUES (@id, @school, @key, @subject, @name, @role, @categories, @reason, @reasonText, @orderedBy, @performer, @position,
                @operator, @address, @processor, @names)
            ON CONFLICT (person_key) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", act.ActId);
            insert.Parameters.AddWithValue("school", act.SchoolId);
            insert.Parameters.AddWithValue("key", act.PersonKey);
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("subject", NpgsqlDbType.Uuid) { TypedValue = act.SubjectUserId });
            insert.Parameters.AddWithValue("name", act.PersonName);
            insert.Parameters.AddWithValue("role", act.PersonRole);
            insert.Parameters.AddWithValue("categories", act.Categories.ToArray());
            insert.Parameters.AddWithValue("reason", ErasureReasons.Code(act.Reason));
            insert.Parameters.AddWithValue("reasonText", act.ReasonText);
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("orderedBy", NpgsqlDbType.Uuid) { TypedValue = ordered.ActorUserId });
            insert.Parameters.AddWithValue("performer", act.PerformerName);
            insert.Parameters.AddWithValue("position", act.PerformerPosition);
            insert.Parameters.AddWithValue("operator", act.OperatorName);
            insert.Parameters.AddWithValue("address", act.OperatorAddress);
            insert.Parameters.Add(new NpgsqlParameter<string?>("processor", NpgsqlDbType.Text) { TypedValue = act.Processor });
            insert.Parameters.AddWithValue("names", act.PendingNames.ToArray());
            if (await insert.ExecuteNonQueryAsync() == 0)
            {
                await transaction.RollbackAsync();
                return (await FindAsync(act.PersonKey))!;
            }
        }

        var seq = await audit.WriteAsync(ordered, connection, transaction);
        await AppendSeqAsync(connection, transaction, act.ActId, seq);
        await transaction.CommitAsync();
        return (await FindAsync(act.PersonKey))!;
    }

    public async Task<DestructionAct?> FindAsync(string personKey)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM destruction_acts WHERE person_key = @key");
        command.Parameters.AddWithValue("key", personKey);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Writes an audit entry of this erasure and notes its place in the act's list, in one transaction.</summary>
    public async Task<long> AuditAsync(Guid actId, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var seq = await audit.WriteAsync(entry, connection, transaction);
        await AppendSeqAsync(connection, transaction, actId, seq);
        await transaction.CommitAsync();
        return seq;
    }

    /// <summary>Redacts the names out of the audit log (migration 0930's guarded function) and notes the redaction entry.</summary>
    public async Task RedactAuditAsync(DestructionAct act, IReadOnlyList<Guid> schools, Guid? orderedBy)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var redact = new NpgsqlCommand("SELECT audit_redact(@names, @former, @schools, @subject, @actor, @reason)", connection, transaction))
        {
            redact.Parameters.AddWithValue("names", act.PendingNames.ToArray());
            redact.Parameters.AddWithValue("former", FormerMember.Name);
            redact.Parameters.AddWithValue("schools", schools.ToArray());
            redact.Parameters.Add(new NpgsqlParameter<Guid?>("subject", NpgsqlDbType.Uuid) { TypedValue = act.SubjectUserId });
            redact.Parameters.Add(new NpgsqlParameter<Guid?>("actor", NpgsqlDbType.Uuid) { TypedValue = orderedBy });
            redact.Parameters.AddWithValue("reason", $"Уничтожение персональных данных, акт № {act.Number}");
            if ((long)(await redact.ExecuteScalarAsync())! > 0)
            {
                await using var seq = new NpgsqlCommand("SELECT max(seq) FROM audit_log WHERE action = 'audit.redacted'", connection, transaction);
                await AppendSeqAsync(connection, transaction, act.ActId, (long)(await seq.ExecuteScalarAsync())!);
            }
        }

        await transaction.CommitAsync();
    }

    public async Task<List<AuditExtractEntry>> AuditEntriesAsync(IReadOnlyList<long> seqs)
    {
        await using var command = database.CreateCommand("SELECT seq, at, action, summary, hash FROM audit_log WHERE seq = ANY(@seqs) ORDER BY seq");
        command.Parameters.AddWithValue("seqs", seqs.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<AuditExtractEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditExtractEntry(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(4))));
        }

        return entries;
    }

    /// <summary>Files the issued documents and closes the act: the names to erase are no longer kept.</summary>
    public async Task CompleteAsync(Guid actId, DateTimeOffset completedAt, byte[] actPdf, byte[] extractPdf, DateTimeOffset purgeAfter)
    {
        await using var command = database.CreateCommand("""
            UPDATE destruction_acts SET completed_at = @at, act_pdf = @act, extract_pdf = @extract, purge_after = @purge, pending_names = NULL
            WHERE act_id = @id
            """);
        command.Parameters.AddWithValue("id", actId);
        command.Parameters.AddWithValue("at", completedAt);
        command.Parameters.AddWithValue("act", actPdf);
        command.Parameters.AddWithValue("extract", extractPdf);
        command.Parameters.AddWithValue("purge", purgeAfter);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<DestructionActSummary>> ListAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand("""
            SELECT act_id, number, person_name, reason, started_at, completed_at, purge_after FROM destruction_acts
            WHERE school_id = @school ORDER BY number DESC LIMIT 500
            """);
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        var acts = new List<DestructionActSummary>();
        while (await reader.ReadAsync())
        {
            acts.Add(new DestructionActSummary(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), ErasureReasons.Parse(reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return acts;
    }

    /// <summary>An issued document of the school's act, or null (unknown, another school's, or not issued yet).</summary>
    public async Task<byte[]?> PdfAsync(Guid schoolId, Guid actId, bool extract)
    {
        await using var command = database.CreateCommand(
            $"SELECT {(extract ? "extract_pdf" : "act_pdf")} FROM destruction_acts WHERE act_id = @id AND school_id = @school");
        command.Parameters.AddWithValue("id", actId);
        command.Parameters.AddWithValue("school", schoolId);
        return await command.ExecuteScalarAsync() as byte[];
    }

    /// <summary>Removes the acts whose keeping period ended; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset now)
    {
        await using var command = database.CreateCommand("DELETE FROM destruction_acts WHERE purge_after IS NOT NULL AND purge_after <= @now");
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task AppendSeqAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid actId, long seq)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE destruction_acts SET audit_seqs = array_append(audit_seqs, @seq) WHERE act_id = @id AND NOT (@seq = ANY(audit_seqs))",
            connection, transaction);
        command.Parameters.AddWithValue("id", actId);
        command.Parameters.AddWithValue("seq", seq);
        await command.ExecuteNonQueryAsync();
    }

    private static DestructionAct Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetInt64(1), r.GetGuid(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetGuid(4), r.GetString(5), r.GetString(6),
        r.GetFieldValue<string[]>(7), ErasureReasons.Parse(r.GetString(8)), r.GetString(9), r.GetString(10), r.GetString(11), r.GetString(12),
        r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14), r.GetFieldValue<DateTimeOffset>(15),
        r.IsDBNull(16) ? null : r.GetFieldValue<DateTimeOffset>(16), r.GetFieldValue<string[]>(17), r.GetFieldValue<long[]>(18));
}
