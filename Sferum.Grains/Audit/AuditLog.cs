using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sferum.Audit;

/// <summary>
/// Appends to the audit log (table <c>audit_log</c>), inside the caller's transaction when given one. The database
/// chains each entry to the one before (migrations 0900, 0930): in a transaction, write the entry last, because the
/// chain is held for everyone else until that transaction ends. Returns the entry's place in the chain (seq).
/// </summary>
public sealed class AuditLog(NpgsqlDataSource database)
{
    public async Task<long> WriteAsync(AuditEntry entry, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            INSERT INTO audit_log (school_id, actor_user_id, actor_client, action, summary, details, subject_user_id, client_address)
            VALUES (@school, @user, @client, @action, @summary, @details::jsonb, @subject, @address)
            RETURNING seq
            """;
        await using var owned = connection is null ? await database.OpenConnectionAsync() : null;
        await using var command = new NpgsqlCommand(sql, connection ?? owned, transaction);
        command.Parameters.AddWithValue("school", (object?)entry.SchoolId ?? DBNull.Value);
        command.Parameters.AddWithValue("user", (object?)entry.ActorUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("client", (object?)entry.ActorClient ?? DBNull.Value);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("summary", entry.Summary);
        command.Parameters.AddWithValue("details", JsonSerializer.Serialize(entry.Details ?? new Dictionary<string, object?>()));
        command.Parameters.AddWithValue("subject", (object?)entry.SubjectUserId ?? DBNull.Value);
        command.Parameters.Add(new NpgsqlParameter("address", NpgsqlDbType.Inet)
        {
            Value = (object?)(entry.ClientAddress ?? AuditCallContext.ClientAddress) ?? DBNull.Value,
        });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
