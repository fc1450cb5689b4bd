using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace Sferum.Digest;

/// <summary>
/// Tables <c>digest_settings</c>, <c>digest_school_policies</c>, <c>digest_schedule</c>, <c>digest_watermarks</c> and
/// <c>digest_sends</c>. A person's digest grain is the only writer of that person's rows; a school's policy grain of
/// the school's.
/// </summary>
public sealed class DigestStore(NpgsqlDataSource database)
{
    public sealed record Settings(bool? Enabled, int EveryHours, int SendHour, string Token);

    public sealed record Pending(Guid DigestId, IReadOnlyList<DigestRange> Ranges, int Attempts, DateTimeOffset NextAttemptAt);

    public async Task<Settings?> GetSettingsAsync(Guid userId)
    {
        await using var command = database.CreateCommand(
            "SELECT enabled, every_hours, send_hour, unsubscribe_token FROM digest_settings WHERE user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        await using var r = await command.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? new Settings(r.IsDBNull(0) ? null : r.GetBoolean(0), r.GetInt16(1), r.GetInt16(2), r.GetString(3))
            : null;
    }

    /// <summary>Stores the choice (null <paramref name="enabled"/>: follow the school's default) and returns the row; the token stays once made.</summary>
    public async Task<Settings> SaveSettingsAsync(Guid userId, bool? enabled, int everyHours, int sendHour)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO digest_settings (user_id, enabled, every_hours, send_hour, unsubscribe_token) VALUES (@user, @on, @every, @hour, @token)
            ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, every_hours = excluded.every_hours,
                send_hour = excluded.send_hour, updated_at = now()
            """);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("on", enabled is null ? DBNull.Value : enabled.Value);
        command.Parameters.AddWithValue("every", (short)everyHours);
        command.Parameters.AddWithValue("hour", (short)sendHour);
        command.Parameters.AddWithValue("token", NewToken());
        await command.ExecuteNonQueryAsync();
        return (await GetSettingsAsync(userId))!;
    }

    /// <summary>The person's token, making a row that follows the school's default when there is none.</summary>
    public async Task<string> TokenAsync(Guid userId, int sendHour) =>
        (await GetSettingsAsync(userId))?.Token ?? (await SaveSettingsAsync(userId, null, 0, sendHour)).Token;

    public async Task<Guid?> UserByTokenAsync(string token)
    {
        await using var command = database.CreateCommand("SELECT user_id FROM digest_settings WHERE unsubscribe_token = @token");
        command.Parameters.AddWithValue("token", token);
        return await command.ExecuteScalarAsync() is Guid user ? user : null;
    }

    /// <summary>The daily hour of the first school whose parents' default is on and where the person is a parent now.</summary>
    public async Task<int?> ParentDefaultHourAsync(Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT sp.parents_hour FROM roster_people p JOIN digest_school_policies sp ON sp.school_id = p.school_id AND sp.parents_on
            WHERE p.user_id = @user AND p.role = 1 AND p.removed_at IS NULL ORDER BY p.school_id LIMIT 1
            """);
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync() is short hour ? hour : null;
    }

    public async Task<SchoolDigestPolicy> PolicyAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand(
            "SELECT parents_on, parents_hour, include_text FROM digest_school_policies WHERE school_id = @school");
        command.Parameters.AddWithValue("school", schoolId);
        await using var r = await command.ExecuteReaderAsync();
        return await r.ReadAsync() ? new SchoolDigestPolicy(r.GetBoolean(0), r.GetInt16(1), r.GetBoolean(2)) : SchoolDigestPolicy.Default;
    }

    public async Task SavePolicyAsync(Guid schoolId, SchoolDigestPolicy policy, Guid by)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO digest_school_policies (school_id, parents_on, parents_hour, include_text, updated_by) VALUES (@school, @on, @hour, @text, @by)
            ON CONFLICT (school_id) DO UPDATE SET parents_on = excluded.parents_on, parents_hour = excluded.parents_hour,
                include_text = excluded.include_text, updated_by = excluded.updated_by, updated_at = now()
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("on", policy.ParentsOn);
        command.Parameters.AddWithValue("hour", (short)policy.ParentsHour);
        command.Parameters.AddWithValue("text", policy.IncludeText);
        command.Parameters.AddWithValue("by", by);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<DateTimeOffset?> NextDueAsync(Guid userId)
    {
        await using var command = database.CreateCommand("SELECT next_due_at FROM digest_schedule WHERE user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public async Task SetNextDueAsync(Guid userId, DateTimeOffset? at)
    {
        await using var command = database.CreateCommand(at is null
            ? "DELETE FROM digest_schedule WHERE user_id = @user"
            : """
              INSERT INTO digest_schedule (user_id, next_due_at) VALUES (@user, @at)
              ON CONFLICT (user_id) DO UPDATE SET next_due_at = excluded.next_due_at
              """);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("at", (at ?? DateTimeOffset.UnixEpoch).ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    public async Task<Dictionary<Guid, long>> WatermarksAsync(Guid userId)
    {
        await using var command = database.CreateCommand("SELECT chat_id, seq FROM digest_watermarks WHERE user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        await using var r = await command.ExecuteReaderAsync();
        var marks = new Dictionary<Guid, long>();
        while (await r.ReadAsync())
        {
            marks[r.GetGuid(0)] = r.GetInt64(1);
        }

        return marks;
    }

    /// <summary>Messages by others, not deleted, in (<paramref name="after"/>, <paramref name="upTo"/>] that the person has not read.</summary>
    public async Task<DigestChatUnread> UnreadAsync(Guid chatId, Guid userId, long after, long upTo, int texts)
    {
        await using var command = database.CreateCommand("""
            WITH unread AS (
                SELECT m.seq, m.author_name, m.text, m.at FROM chat_messages m
                WHERE m.chat_id = @chat AND m.seq > greatest(@after, coalesce((SELECT read_seq FROM chat_reads WHERE chat_id = @chat AND user_id = @user), 0))
                  AND m.seq <= @upTo AND m.author_id <> @user AND m.deleted_at IS NULL)
            SELECT (SELECT count(*)::integer FROM unread),
                   (SELECT coalesce(array_agg(author_name ORDER BY first), '{}') FROM (SELECT author_name, min(seq) AS first FROM unread GROUP BY author_name) a),
                   (SELECT coalesce(array_agg(author_name || E'\u001f' || coalesce(text, '') ORDER BY seq DESC), '{}')
                      FROM (SELECT * FROM unread WHERE coalesce(text, '') <> '' ORDER BY seq DESC LIMIT @texts) t)
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upTo", upTo);
        command.Parameters.AddWithValue("texts", texts);
        await using var r = await command.ExecuteReaderAsync();
        await r.ReadAsync();
        var quoted = r.GetFieldValue<string[]>(2).Select(q => q.Split('\u001f', 2)).Select(p => new DigestQuote(p[0], p[1])).Reverse().ToList();
        return new DigestChatUnread(r.GetInt32(0), r.GetFieldValue<string[]>(1), quoted);
    }

    public async Task<Pending?> PendingAsync(Guid userId)
    {
        await using var command = database.CreateCommand(
            "SELECT digest_id, ranges, attempts, next_attempt_at FROM digest_sends WHERE user_id = @user AND sent_at IS NULL");
        command.Parameters.AddWithValue("user", userId);
        await using var r = await command.ExecuteReaderAsync();
        return await r.ReadAsync()
            ? new Pending(r.GetGuid(0), JsonSerializer.Deserialize<List<DigestRange>>(r.GetString(1))!, r.GetInt32(2), r.GetFieldValue<DateTimeOffset>(3))
            : null;
    }

    /// <summary>Records a composed digest before it is sent; the one already waiting when there is one.</summary>
    public async Task<Pending> AddPendingAsync(Guid userId, IReadOnlyList<DigestRange> ranges, DateTimeOffset at)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO digest_sends (digest_id, user_id, ranges, next_attempt_at) VALUES (@id, @user, @ranges::jsonb, @at)
            ON CONFLICT (user_id) WHERE sent_at IS NULL DO NOTHING
            """);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("ranges", JsonSerializer.Serialize(ranges));
        command.Parameters.AddWithValue("at", at.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
        return (await PendingAsync(userId))!;
    }

    /// <summary>Marks the digest sent and moves the watermarks to its ranges' ends, in one transaction.</summary>
    public async Task MarkSentAsync(Guid userId, Pending pending, DateTimeOffset at)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var sent = new NpgsqlCommand(
            "UPDATE digest_sends SET sent_at = @at, attempts = attempts + 1, last_error = NULL WHERE digest_id = @id AND sent_at IS NULL",
            connection, transaction))
        {
            sent.Parameters.AddWithValue("id", pending.DigestId);
            sent.Parameters.AddWithValue("at", at.ToUniversalTime());
            await sent.ExecuteNonQueryAsync();
        }

        await using (var marks = new NpgsqlCommand("""
            INSERT INTO digest_watermarks (user_id, chat_id, seq) SELECT @user, c, s FROM unnest(@chats, @seqs) AS x(c, s)
            ON CONFLICT (user_id, chat_id) DO UPDATE SET seq = greatest(digest_watermarks.seq, excluded.seq)
            """, connection, transaction))
        {
            marks.Parameters.AddWithValue("user", userId);
            marks.Parameters.AddWithValue("chats", pending.Ranges.Select(r => r.Chat).ToArray());
            marks.Parameters.AddWithValue("seqs", pending.Ranges.Select(r => r.UpTo).ToArray());
            await marks.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task MarkFailedAsync(Guid digestId, string error, DateTimeOffset retryAt)
    {
        await using var command = database.CreateCommand(
            "UPDATE digest_sends SET attempts = attempts + 1, last_error = @error, next_attempt_at = @at WHERE digest_id = @id AND sent_at IS NULL");
        command.Parameters.AddWithValue("id", digestId);
        command.Parameters.AddWithValue("error", error);
        command.Parameters.AddWithValue("at", retryAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    public async Task PostponeAsync(Guid digestId, DateTimeOffset until)
    {
        await using var command = database.CreateCommand("UPDATE digest_sends SET next_attempt_at = @at WHERE digest_id = @id AND sent_at IS NULL");
        command.Parameters.AddWithValue("id", digestId);
        command.Parameters.AddWithValue("at", until.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Drops a waiting digest that has nothing left to say (everything read or deleted meanwhile).</summary>
    public async Task DropPendingAsync(Guid digestId)
    {
        await using var command = database.CreateCommand("DELETE FROM digest_sends WHERE digest_id = @id AND sent_at IS NULL");
        command.Parameters.AddWithValue("id", digestId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<DateTimeOffset?> LastSentAsync(Guid userId)
    {
        await using var command = database.CreateCommand("SELECT max(sent_at) FROM digest_sends WHERE user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// People whose digest may be due: those who turned it on, and parents of schools whose default is on who chose
    /// nothing; with no schedule yet, a schedule that has come, or a retry that has come.
    /// </summary>
    public async Task<List<Guid>> DueAsync(DateTimeOffset now, int limit)
    {
        await using var command = database.CreateCommand("""
            WITH candidates AS (
                SELECT user_id FROM digest_settings WHERE enabled
                UNION
                SELECT p.user_id FROM roster_people p JOIN digest_school_policies sp ON sp.school_id = p.school_id AND sp.parents_on
                WHERE p.role = 1 AND p.user_id IS NOT NULL AND p.removed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM digest_settings s WHERE s.user_id = p.user_id AND s.enabled IS NOT NULL))
            SELECT c.user_id FROM candidates c LEFT JOIN digest_schedule d ON d.user_id = c.user_id
            WHERE d.next_due_at IS NULL OR d.next_due_at <= @now
               OR EXISTS (SELECT 1 FROM digest_sends s WHERE s.user_id = c.user_id AND s.sent_at IS NULL AND s.next_attempt_at <= @now)
            ORDER BY d.next_due_at NULLS FIRST LIMIT @limit
            """);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        await using var r = await command.ExecuteReaderAsync();
        var due = new List<Guid>();
        while (await r.ReadAsync())
        {
            due.Add(r.GetGuid(0));
        }

        return due;
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
