using Npgsql;

namespace Sferum.Audit;

/// <summary>Reads table <c>audit_log</c> for one school, with the actor's name where the actor is a known user.</summary>
public sealed class AuditReader(NpgsqlDataSource database)
{
    public const int ExportLimit = 100_000;

    // The actor's name comes from the roster or the admin list of that school: the audit shows who acted by name
    // without reading anyone's profile.
    private const string Select = """
        SELECT a.id, a.at, coalesce(
                   (SELECT concat_ws(' ', p.last_name, p.first_name, p.middle_name) FROM roster_people p
                    WHERE p.school_id = a.school_id AND p.user_id = a.actor_user_id LIMIT 1),
                   (SELECT concat_ws(' ', i.last_name, i.first_name, i.middle_name) FROM class_invitees i
                    WHERE i.school_id = a.school_id AND i.user_id = a.actor_user_id LIMIT 1),
                   (SELECT concat_ws(' ', s.last_name, s.first_name, s.middle_name) FROM school_admins s
                    JOIN user_identities u ON u.snils = s.snils WHERE s.school_id = a.school_id AND u.user_id = a.actor_user_id LIMIT 1),
                   'журнал: ' || a.actor_client,
                   a.actor_user_id::text,
                   'система'),
               a.action, a.summary
        FROM audit_log a
        WHERE a.school_id = @school
          AND (@action IS NULL OR a.action = @action OR a.action LIKE @action || '.%')
          AND (@from IS NULL OR a.at >= @from) AND (@to IS NULL OR a.at < @to)
        """;

    public async Task<AuditPage> SearchAsync(Guid schoolId, AuditQuery query)
    {
        var size = Math.Clamp(query.PageSize, 1, 200);
        var entries = await ReadAsync($"{Select} ORDER BY a.id DESC LIMIT {size} OFFSET @offset", schoolId, query, (Math.Max(query.Page, 1) - 1) * size);
        await using var count = database.CreateCommand("""
            SELECT count(*) FROM audit_log a WHERE a.school_id = @school
              AND (@action IS NULL OR a.action = @action OR a.action LIKE @action || '.%')
              AND (@from IS NULL OR a.at >= @from) AND (@to IS NULL OR a.at < @to)
            """);
        Bind(count, schoolId, query);
        return new AuditPage(entries, Convert.ToInt32(await count.ExecuteScalarAsync()));
    }

    public Task<List<AuditRecord>> ExportAsync(Guid schoolId, AuditQuery query) =>
        ReadAsync($"{Select} ORDER BY a.id LIMIT {ExportLimit} OFFSET @offset", schoolId, query, 0);

    private async Task<List<AuditRecord>> ReadAsync(string sql, Guid schoolId, AuditQuery query, int offset)
    {
        await using var command = database.CreateCommand(sql);
        Bind(command, schoolId, query);
        command.Parameters.AddWithValue("offset", offset);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<AuditRecord>();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditRecord(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return entries;
    }

    private static void Bind(NpgsqlCommand command, Guid schoolId, AuditQuery query)
    {
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.Add(new NpgsqlParameter<string?>("action", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = query.From });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = query.To });
    }
}
