using Npgsql;

namespace Sferum.Sessions;

/// <summary>Table <c>user_sessions</c>.</summary>
public sealed class SessionStore(NpgsqlDataSource database)
{
    public sealed record Row(Guid SessionId, string UserAgent, string Address, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt);

    public async Task<List<Row>> ActiveAsync(Guid userId)
    {
        await using var command = database.CreateCommand(
            "SELECT session_id, user_agent, address, created_at, last_seen_at FROM user_sessions WHERE user_id = @user AND ended_at IS NULL");
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return rows;
    }

    public async Task InsertAsync(Guid userId, Row row, string? idToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO user_sessions (session_id, user_id, created_at, last_seen_at, user_agent, address, id_token)
            VALUES (@id, @user, @at, @at, @agent, @address, @token)
            """);
        command.Parameters.AddWithValue("id", row.SessionId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("at", row.CreatedAt);
        command.Parameters.AddWithValue("agent", row.UserAgent);
        command.Parameters.AddWithValue("address", row.Address);
        command.Parameters.Add(new NpgsqlParameter<string?>("token", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = idToken });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The provider's ID token of a live session of the user; null if none.</summary>
    public async Task<string?> IdTokenAsync(Guid userId, Guid sessionId)
    {
        await using var command = database.CreateCommand(
            "SELECT id_token FROM user_sessions WHERE session_id = @id AND user_id = @user AND ended_at IS NULL");
        command.Parameters.AddWithValue("id", sessionId);
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync() as string;
    }

    public async Task SeenAsync(Guid sessionId, DateTimeOffset at)
    {
        await using var command = database.CreateCommand("UPDATE user_sessions SET last_seen_at = @at WHERE session_id = @id");
        command.Parameters.AddWithValue("id", sessionId);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EndAsync(IReadOnlyCollection<Guid> sessionIds, string reason)
    {
        // The ID token is personal data needed only while the session lives (for its sign-out): it goes with the ending.
        await using var command = database.CreateCommand("""
            UPDATE user_sessions SET ended_at = clock_timestamp(), ended_reason = @reason, id_token = NULL
            WHERE session_id = ANY(@ids) AND ended_at IS NULL
            """);
        command.Parameters.AddWithValue("ids", sessionIds.ToArray());
        command.Parameters.AddWithValue("reason", reason);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<SessionEndings> EndedSinceAsync(DateTimeOffset? since)
    {
        // The cursor is the database's clock, so web nodes with skewed clocks miss nothing. An ending committed just
        // behind the cursor is picked up by a 10-second overlap; closing a connection twice is harmless.
        await using var command = database.CreateCommand("""
            SELECT session_id, now() FROM user_sessions WHERE ended_at > coalesce(@since, now()) - interval '10 seconds'
            UNION ALL SELECT NULL, now()
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = since });
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        var cursor = DateTimeOffset.UtcNow;
        while (await reader.ReadAsync())
        {
            cursor = reader.GetFieldValue<DateTimeOffset>(1);
            if (!reader.IsDBNull(0))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        return new SessionEndings(ids, cursor);
    }
}
