using Npgsql;
using NpgsqlTypes;
using Sferum.Audit;
using Sferum.Common;
using Sferum.PersonalData;

namespace Sferum.Consents;

/// <summary>
/// Tables <c>consents</c>, <c>consent_data</c> and <c>personal_data_destructions</c>. Each change is one transaction
/// with its audit entries (written last: the audit chain is held until the transaction ends).
/// </summary>
public sealed class ConsentStore(NpgsqlDataSource database, AuditLog audit)
{
    public sealed record NewConsent(
        Guid ConsentId, Guid SchoolId, string Purpose, int Version, string SubjectKey, Guid? SubjectUserId, string SubjectName,
        Guid GivenBy, string GivenByName, bool AsParent, OperatorDetails Operator, string Document, byte[] DocumentSha256,
        DateTimeOffset AcceptedAt, IReadOnlyDictionary<string, string> Data);

    /// <summary>A consent with what withdrawing it needs: its subject's account, the values it covers, what a withdrawal scheduled.</summary>
    public sealed record Stored(ConsentRecord Record, Guid? SubjectUserId, IReadOnlyDictionary<string, string> Data, IReadOnlyList<string> DestroyedCategories);

    /// <summary>A withdrawal: categories another basis keeps (their copies go now) and those to destroy by the deadline.</summary>
    public sealed record Withdrawal(
        Stored Consent, Guid SchoolId, Guid WithdrawnBy, DateTimeOffset At, string? RemainingBasis,
        IReadOnlyList<string> Kept, IReadOnlyList<string> Destroyed, DateTimeOffset? DestroyBy, string Reason);

    // The phone is read only while the consent is in force: a withdrawal stops every use of it, this one included.
    private const string Select = """
        SELECT c.consent_id, c.purpose, t.title, c.text_version, c.subject_key, c.subject_name, c.given_by_name, c.as_parent,
               c.accepted_at, c.withdrawn_at, c.remaining_basis, d.destroy_by, d.destroyed_at, c.document, c.document_sha256,
               CASE WHEN c.withdrawn_at IS NULL AND @withPhone
                    THEN (SELECT x.value FROM consent_data x WHERE x.consent_id = c.consent_id AND x.category = 'contact-phone') END,
               c.subject_user_id, coalesce(d.categories, '{}')
        FROM consents c
        JOIN consent_texts t ON t.purpose = c.purpose AND t.version = c.text_version
        LEFT JOIN personal_data_destructions d ON d.consent_id = c.consent_id
        """;

    public async Task InsertAsync(NewConsent c, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO consents (consent_id, school_id, purpose, text_version, subject_key, subject_user_id, subject_name, given_by,
                                  given_by_name, as_parent, operator_name, operator_address, document, document_sha256, accepted_at)
            VALUES (@id, @school, @purpose, @version, @key, @subjectUser, @subjectName, @by, @byName, @asParent, @operator, @address,
                    @document, @sha, @at)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", c.ConsentId);
            insert.Parameters.AddWithValue("school", c.SchoolId);
            insert.Parameters.AddWithValue("purpose", c.Purpose);
            insert.Parameters.AddWithValue("version", c.Version);
            insert.Parameters.AddWithValue("key", c.SubjectKey);
            insert.Parameters.Add(new NpgsqlParameter<Guid?>("subjectUser", NpgsqlDbType.Uuid) { TypedValue = c.SubjectUserId });
            insert.Parameters.AddWithValue("subjectName", c.SubjectName);
            insert.Parameters.AddWithValue("by", c.GivenBy);
            insert.Parameters.AddWithValue("byName", c.GivenByName);
            insert.Parameters.AddWithValue("asParent", c.AsParent);
            insert.Parameters.AddWithValue("operator", c.Operator.LegalName);
            insert.Parameters.AddWithValue("address", c.Operator.Address);
            insert.Parameters.AddWithValue("document", c.Document);
            insert.Parameters.AddWithValue("sha", c.DocumentSha256);
            insert.Parameters.AddWithValue("at", c.AcceptedAt);
            try
            {
                await insert.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == "consents_in_force")
            {
                throw new DomainException("consent.already-given", "Такое согласие уже действует. Чтобы изменить его, отзовите его и дайте новое.");
            }
        }

        foreach (var (category, value) in c.Data)
        {
            await using var data = new NpgsqlCommand("INSERT INTO consent_data (consent_id, category, value) VALUES (@id, @category, @value)", connection, transaction);
            data.Parameters.AddWithValue("id", c.ConsentId);
            data.Parameters.AddWithValue("category", category);
            data.Parameters.AddWithValue("value", value);
            await data.ExecuteNonQueryAsync();
        }

        await audit.WriteAsync(entry, connection, transaction);
        await transaction.CommitAsync();
    }

    public async Task<Stored?> GetAsync(Guid schoolId, Guid consentId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var found = await ReadAsync(connection, $"{Select} WHERE c.school_id = @school AND c.consent_id = @id", withPhone: false, c =>
        {
            c.Parameters.AddWithValue("school", schoolId);
            c.Parameters.AddWithValue("id", consentId);
        });
        if (found.Count == 0)
        {
            return null;
        }

        var record = found[0];

        await using var data = new NpgsqlCommand("SELECT category, value FROM consent_data WHERE consent_id = @id", connection);
        data.Parameters.AddWithValue("id", consentId);
        await using var reader = await data.ExecuteReaderAsync();
        var values = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return new Stored(record.Record, record.SubjectUserId, values, record.DestroyedCategories);
    }

    /// <summary>Every consent given for the person, in force first, then newest first.</summary>
    public async Task<IReadOnlyList<ConsentRecord>> ForSubjectAsync(Guid schoolId, string subjectKey)
    {
        await using var connection = await database.OpenConnectionAsync();
        var rows = await ReadAsync(connection, $"{Select} WHERE c.school_id = @school AND c.subject_key = @key ORDER BY c.withdrawn_at IS NULL DESC, c.accepted_at DESC LIMIT 100",
            withPhone: true, c =>
            {
                c.Parameters.AddWithValue("school", schoolId);
                c.Parameters.AddWithValue("key", subjectKey);
            });
        return rows.Select(r => r.Record).ToList();
    }

    public async Task WithdrawAsync(Withdrawal w, IReadOnlyList<AuditEntry> entries)
    {
        var consent = w.Consent.Record;
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("""
            UPDATE consents SET withdrawn_at = @at, withdrawn_by = @by, remaining_basis = @remaining
            WHERE consent_id = @id AND withdrawn_at IS NULL
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("id", consent.ConsentId);
            update.Parameters.AddWithValue("at", w.At);
            update.Parameters.AddWithValue("by", w.WithdrawnBy);
            update.Parameters.Add(new NpgsqlParameter<string?>("remaining", NpgsqlDbType.Text) { TypedValue = w.RemainingBasis });
            if (await update.ExecuteNonQueryAsync() == 0)
            {
                throw new InvalidOperationException($"Consent {consent.ConsentId} was withdrawn meanwhile; the school's grain is its only writer.");
            }
        }

        // A copy of a value another basis keeps is no destruction of personal data: the value stays where that basis holds it.
        await using (var drop = new NpgsqlCommand("DELETE FROM consent_data WHERE consent_id = @id AND category = ANY(@kept)", connection, transaction))
        {
            drop.Parameters.AddWithValue("id", consent.ConsentId);
            drop.Parameters.AddWithValue("kept", w.Kept.ToArray());
            await drop.ExecuteNonQueryAsync();
        }

        if (w.DestroyBy is { } destroyBy)
        {
            await using var schedule = new NpgsqlCommand("""
                INSERT INTO personal_data_destructions (destruction_id, school_id, subject_key, subject_user_id, categories, reason, consent_id, scheduled_at, destroy_by)
                VALUES (@id, @school, @key, @subjectUser, @categories, @reason, @consent, @at, @destroyBy)
                """, connection, transaction);
            schedule.Parameters.AddWithValue("id", Guid.NewGuid());
            schedule.Parameters.AddWithValue("school", w.SchoolId);
            schedule.Parameters.AddWithValue("key", consent.SubjectKey);
            schedule.Parameters.Add(new NpgsqlParameter<Guid?>("subjectUser", NpgsqlDbType.Uuid) { TypedValue = w.Consent.SubjectUserId });
            schedule.Parameters.AddWithValue("categories", w.Destroyed.ToArray());
            schedule.Parameters.AddWithValue("reason", w.Reason);
            schedule.Parameters.AddWithValue("consent", consent.ConsentId);
            schedule.Parameters.AddWithValue("at", w.At);
            schedule.Parameters.AddWithValue("destroyBy", destroyBy);
            await schedule.ExecuteNonQueryAsync();
        }

        foreach (var entry in entries)
        {
            await audit.WriteAsync(entry, connection, transaction);
        }

        await transaction.CommitAsync();
    }

    public async Task<(IReadOnlyList<ConsentRecord> Rows, int Total)> RegisterAsync(Guid schoolId, ConsentRegisterQuery query)
    {
        const string filter = """
            WHERE c.school_id = @school AND (@purpose IS NULL OR c.purpose = @purpose)
              AND (@inForce IS NULL OR (c.withdrawn_at IS NULL) = @inForce)
              AND (@name IS NULL OR c.subject_name ILIKE @name ESCAPE '\' OR c.given_by_name ILIKE @name ESCAPE '\')
            """;
        var size = Math.Clamp(query.PageSize, 1, 200);
        await using var connection = await database.OpenConnectionAsync();
        var rows = await ReadAsync(connection, $"{Select} {filter} ORDER BY c.accepted_at DESC, c.consent_id LIMIT {size} OFFSET @offset", withPhone: false, c =>
        {
            Bind(c, schoolId, query);
            c.Parameters.AddWithValue("offset", (Math.Max(query.Page, 1) - 1) * size);
        });
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM consents c {filter}", connection);
        Bind(count, schoolId, query);
        return (rows.Select(r => r.Record).ToList(), Convert.ToInt32(await count.ExecuteScalarAsync()));
    }

    /// <summary>The phones of the given people whose contact-phone consent is in force: (key, phone, subject's account).</summary>
    public async Task<IReadOnlyList<(string Key, string Phone, Guid? SubjectUserId, Guid ConsentId)>> PhonesAsync(Guid schoolId, IReadOnlyCollection<string> keys)
    {
        await using var command = database.CreateCommand("""
            SELECT c.subject_key, x.value, c.subject_user_id, c.consent_id FROM consents c
            JOIN consent_data x ON x.consent_id = c.consent_id AND x.category = 'contact-phone'
            WHERE c.school_id = @school AND c.purpose = 'contact-phone' AND c.withdrawn_at IS NULL AND c.subject_key = ANY(@keys)
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var phones = new List<(string, string, Guid?, Guid)>();
        while (await reader.ReadAsync())
        {
            phones.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetGuid(3)));
        }

        return phones;
    }

    private static void Bind(NpgsqlCommand command, Guid schoolId, ConsentRegisterQuery query)
    {
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.Add(new NpgsqlParameter<string?>("purpose", NpgsqlDbType.Text) { TypedValue = string.IsNullOrWhiteSpace(query.Purpose) ? null : query.Purpose });
        command.Parameters.Add(new NpgsqlParameter<bool?>("inForce", NpgsqlDbType.Boolean) { TypedValue = query.InForce });
        var name = query.Name?.Trim();
        command.Parameters.Add(new NpgsqlParameter<string?>("name", NpgsqlDbType.Text)
        {
            TypedValue = string.IsNullOrEmpty(name) ? null : "%" + name.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%",
        });
    }

    private static async Task<List<(ConsentRecord Record, Guid? SubjectUserId, string[] DestroyedCategories)>> ReadAsync(
        NpgsqlConnection connection, string sql, bool withPhone, Action<NpgsqlCommand> bind)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("withPhone", withPhone);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(ConsentRecord, Guid?, string[])>();
        while (await reader.ReadAsync())
        {
            rows.Add((new ConsentRecord(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetBoolean(7), reader.GetFieldValue<DateTimeOffset>(8), NullableTime(reader, 9),
                reader.IsDBNull(10) ? null : reader.GetString(10), NullableTime(reader, 11), NullableTime(reader, 12), reader.GetString(13),
                ConsentDocument.Hex(reader.GetFieldValue<byte[]>(14)), reader.IsDBNull(15) ? null : reader.GetString(15)),
                reader.IsDBNull(16) ? null : reader.GetGuid(16), reader.GetFieldValue<string[]>(17)));
        }

        return rows;
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
}
