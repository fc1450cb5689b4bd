using System.Text.Json;
using Npgsql;

namespace Sferum.Audit;

/// <summary>Appends to the audit log (table <c>audit_log</c>), inside the caller's transaction when given one.</summary>
public sealed class AuditLog(NpgsqlDataSource database)
{
    public async Task WriteAsync(AuditEntry entry, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        const string sql = """
            INSERT INTO audit_log (school_id, actor_user_id, actor_client, action, summary, details)
            VALUES (@school, @user, @client, @action, @summary, @details::jsonb)
            """;
        await using var owned = connection is null ? await database.OpenConnectionAsync() : null;
        await using var command = new NpgsqlCommand(sql, connection ?? owned, transaction);
        command.Parameters.AddWithValue("school", (object?)entry.SchoolId ?? DBNull.Value);
        command.Parameters.AddWithValue("user", (object?)entry.ActorUserId ?? DBNull.Value);
        command.Parameters.AddWithValue("client", (object?)entry.ActorClient ?? DBNull.Value);
        command.Parameters.AddWithValue("action", entry.Action);
        command.Parameters.AddWithValue("summary", entry.Summary);
        command.Parameters.AddWithValue("details", JsonSerializer.Serialize(entry.Details ?? new Dictionary<string, object?>()));
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>One audit entry; <see cref="Action"/> is a stable code such as <c>roster.import-applied</c>.</summary>
public sealed record AuditEntry(
    Guid? SchoolId,
    Guid? ActorUserId,
    string? ActorClient,
    string Action,
    string Summary,
    IReadOnlyDictionary<string, object?>? Details = null);
