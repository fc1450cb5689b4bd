using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Sferum.Chats;

/// <summary>Tables <c>chat_events</c>, <c>chat_messages</c> and <c>chat_reads</c>; the chat grain is the only writer.</summary>
public sealed class ChatStore(NpgsqlDataSource database)
{
    private const string MessageColumns = "chat_id, seq, author_id, author_name, text, reply_to, at, edited_at, deleted_at IS NOT NULL, client_id, reactions::text, pinned_at IS NOT NULL, attachments::text, poll_id, requires_ack, hidden_at IS NOT NULL, meeting_id, mentions";

    /// <summary>
    /// A post whose client id is already in the log: a unique violation of the client-id index, which on the partitioned
    /// log (migration 0700) is each partition's own index, named by PostgreSQL. The primary key (chat, seq) is not it:
    /// that would be two writers of one chat.
    /// </summary>
    private static bool IsRepeatedPost(PostgresException ex) =>
        ex.SqlState == PostgresErrorCodes.UniqueViolation
        && ex.TableName?.StartsWith("chat_events", StringComparison.Ordinal) == true
        && ex.ConstraintName?.EndsWith("_pkey", StringComparison.Ordinal) == false;

    /// <summary>See <see cref="Platform.DeadConnections"/>: a commit that failed because the server went away.</summary>
    public void ForgetIfServerLost(Exception error) => Platform.DeadConnections.ForgetIfServerLost(database, error);

    public async Task<long> LastSeqAsync(Guid chatId)
    {
        await using var command = database.CreateCommand("SELECT coalesce(max(seq), 0) FROM chat_events WHERE chat_id = @chat");
        command.Parameters.AddWithValue("chat", chatId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Posts already stored under these (author, client id) pairs: a retried send gets the original back.</summary>
    public async Task<Dictionary<(Guid, string), ChatMessage>> FindPostsAsync(Guid chatId, IReadOnlyList<(Guid Author, string ClientId)> keys)
    {
        var found = new Dictionary<(Guid, string), ChatMessage>();
        if (keys.Count == 0)
        {
            return found;
        }

        await using var command = database.CreateCommand($"""
            SELECT {MessageColumns} FROM chat_messages m
            JOIN unnest(@authors, @clients) AS k(a, c) ON m.author_id = k.a AND m.client_id = k.c
            WHERE m.chat_id = @chat
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("authors", keys.Select(k => k.Author).ToArray());
        command.Parameters.AddWithValue("clients", keys.Select(k => k.ClientId).ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var message = Read(reader);
            found[(message.AuthorId, message.ClientId!)] = message;
        }

        return found;
    }

    /// <summary>
    /// Commits a batch of events (sequence numbers already assigned) atomically; returns each one's message, or null
    /// (and writes nothing) when a post's client id turns out to be stored already — the unique index refuses it — and
    /// the caller then resolves the duplicates and numbers the batch again. Posts-only batches, the common case, are one
    /// statement (atomic by itself) and one round trip.
    /// </summary>
    public async Task<List<ChatMessage>?> CommitAsync(Guid chatId, IReadOnlyList<PendingEvent> batch, DateTimeOffset at)
    {
        await using var connection = await database.OpenConnectionAsync();
        var postsOnly = batch.All(e => e.Type == ChatEventType.Posted);
        await using var transaction = postsOnly ? null : await connection.BeginTransactionAsync();
        var posts = batch.Where(e => e.Type == ChatEventType.Posted).ToList();
        await using (var insert = new NpgsqlCommand("""
            WITH events AS (
                INSERT INTO chat_events (chat_id, seq, type, author_id, client_id, target_seq, body, at)
                SELECT @chat, s, t, a, c, ts, b, @at FROM unnest(@seqs, @types, @authors, @clients, @targets, @bodies) AS x(s, t, a, c, ts, b)
                RETURNING seq),
            messages AS (
                INSERT INTO chat_messages (chat_id, seq, author_id, author_name, client_id, text, reply_to, at, attachments, poll_id, requires_ack, meeting_id, mentions)
                SELECT @chat, x.s, x.a, x.n, x.c, x.t, x.r, @at, x.f::jsonb, x.p, x.k, x.m, CASE WHEN x.u = '' THEN NULL ELSE string_to_array(x.u, ',')::uuid[] END
                FROM unnest(@postSeqs, @postAuthors, @names, @postClients, @texts, @replies, @files, @polls, @acks, @meetings, @mentions) AS x(s, a, n, c, t, r, f, p, k, m, u)
                JOIN events e ON e.seq = x.s
                RETURNING seq)
            SELECT 1
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("chat", chatId);
            insert.Parameters.AddWithValue("at", at);
            insert.Parameters.AddWithValue("seqs", batch.Select(e => e.Seq).ToArray());
            insert.Parameters.AddWithValue("types", batch.Select(e => (short)e.Type).ToArray());
            insert.Parameters.AddWithValue("authors", batch.Select(e => e.AuthorId).ToArray());
            insert.Parameters.Add(NullableArray("clients", NpgsqlDbType.Text, batch.Select(e => (object?)e.ClientId)));
            insert.Parameters.Add(NullableArray("targets", NpgsqlDbType.Bigint, batch.Select(e => (object?)e.TargetSeq)));
            insert.Parameters.Add(NullableArray("bodies", NpgsqlDbType.Text, batch.Select(e => (object?)(e.Text ?? e.Emoji))));
            insert.Parameters.AddWithValue("postSeqs", posts.Select(e => e.Seq).ToArray());
            insert.Parameters.AddWithValue("postAuthors", posts.Select(e => e.AuthorId).ToArray());
            insert.Parameters.AddWithValue("names", posts.Select(e => e.AuthorName).ToArray());
            insert.Parameters.AddWithValue("postClients", posts.Select(e => e.ClientId!).ToArray());
            insert.Parameters.Add(NullableArray("texts", NpgsqlDbType.Text, posts.Select(e => (object?)e.Text)));
            insert.Parameters.AddWithValue("files", posts.Select(e => JsonSerializer.Serialize(e.Attachments, Json)).ToArray());
            insert.Parameters.Add(NullableArray("replies", NpgsqlDbType.Bigint, posts.Select(e => (object?)e.ReplyTo)));
            insert.Parameters.Add(NullableArray("polls", NpgsqlDbType.Uuid, posts.Select(e => (object?)e.PollId)));
            insert.Parameters.AddWithValue("acks", posts.Select(e => e.RequiresAck).ToArray());
            insert.Parameters.Add(NullableArray("meetings", NpgsqlDbType.Uuid, posts.Select(e => (object?)e.MeetingId)));
            // One text per post (ids joined by commas): PostgreSQL's unnest cannot take an array of arrays of uneven length.
            insert.Parameters.AddWithValue("mentions", posts.Select(e => string.Join(',', e.Mentions)).ToArray());
            try
            {
                await insert.ExecuteNonQueryAsync();
            }
            catch (PostgresException ex) when (IsRepeatedPost(ex))
            {
                // A post repeats one already stored. The statement failed as a whole, so nothing of the batch is written.
                if (transaction is not null)
                {
                    await transaction.RollbackAsync();
                }

                return null;
            }
        }

        var results = new List<ChatMessage>(batch.Count);
        foreach (var e in batch)
        {
            results.Add(e.Type == ChatEventType.Posted
                ? new ChatMessage(chatId, e.Seq, e.AuthorId, e.AuthorName, e.Text, e.ReplyTo, at, null, false, e.ClientId, Empty, false, e.Attachments,
                    e.PollId, e.RequiresAck, MeetingId: e.MeetingId, Mentions: e.Mentions.Count > 0 ? e.Mentions : null)
                : await ApplyChangeAsync(connection, transaction!, chatId, e, at));
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync();
        }

        return results;
    }

    public async Task<ChatMessage?> GetAsync(Guid chatId, long seq)
    {
        await using var command = database.CreateCommand($"SELECT {MessageColumns} FROM chat_messages WHERE chat_id = @chat AND seq = @seq");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("seq", seq);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Up to <paramref name="limit"/> messages before or after a sequence number (newest page when neither), oldest first.</summary>
    public async Task<List<ChatMessage>> HistoryAsync(Guid chatId, long? beforeSeq, long? afterSeq, int limit)
    {
        var sql = afterSeq is not null
            ? $"SELECT {MessageColumns} FROM chat_messages WHERE chat_id = @chat AND seq > @after ORDER BY seq LIMIT @limit"
            : $"SELECT * FROM (SELECT {MessageColumns} FROM chat_messages WHERE chat_id = @chat AND seq < @before ORDER BY seq DESC LIMIT @limit) page ORDER BY 2";
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("after", afterSeq ?? 0);
        command.Parameters.AddWithValue("before", beforeSeq ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command);
    }

    /// <summary>Log entries after <paramref name="afterSeq"/>, each with its message as it is now.</summary>
    public async Task<List<ChatEvent>> EventsAfterAsync(Guid chatId, long afterSeq, int limit)
    {
        await using var command = database.CreateCommand($"""
            SELECT e.seq, e.type, {string.Join(", ", MessageColumns.Split(", ").Select(c => "m." + c))}
            FROM chat_events e JOIN chat_messages m ON m.chat_id = e.chat_id AND m.seq = coalesce(e.target_seq, e.seq)
            WHERE e.chat_id = @chat AND e.seq > @after ORDER BY e.seq LIMIT @limit
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("limit", limit);
        var events = new List<ChatEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(new ChatEvent(chatId, reader.GetInt64(0), (ChatEventType)reader.GetInt16(1), Read(reader, 2), []));
        }

        return events;
    }

    public async Task<List<ChatMessage>> WithAttachmentsAsync(Guid chatId, int limit)
    {
        await using var command = database.CreateCommand(
            $"SELECT {MessageColumns} FROM chat_messages WHERE chat_id = @chat AND attachments <> '[]' ORDER BY seq DESC LIMIT @limit");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command);
    }

    public async Task<List<ChatMessage>> PinnedAsync(Guid chatId)
    {
        await using var command = database.CreateCommand($"SELECT {MessageColumns} FROM chat_messages WHERE chat_id = @chat AND pinned_at IS NOT NULL ORDER BY seq");
        command.Parameters.AddWithValue("chat", chatId);
        return await ReadAllAsync(command);
    }

    /// <summary>Full-text search (Russian stemming) in the given chats, newest first.</summary>
    public async Task<List<ChatMessage>> SearchAsync(IReadOnlyList<Guid> chatIds, string query, int limit)
    {
        await using var command = database.CreateCommand($"""
            SELECT {MessageColumns} FROM chat_messages
            WHERE chat_id = ANY(@chats) AND deleted_at IS NULL AND search @@ websearch_to_tsquery('russian', @query)
            ORDER BY at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("chats", chatIds.ToArray());
        command.Parameters.AddWithValue("query", query);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command);
    }

    public async Task MarkReadAsync(Guid chatId, Guid userId, long seq)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO chat_reads (chat_id, user_id, read_seq) VALUES (@chat, @user, @seq)
            ON CONFLICT (chat_id, user_id) DO UPDATE SET read_seq = greatest(chat_reads.read_seq, excluded.read_seq)
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("seq", seq);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Messages by others, not deleted, after what the user has read.</summary>
    public async Task<int> UnreadAsync(Guid chatId, Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT count(*)::integer FROM chat_messages m
            WHERE m.chat_id = @chat AND m.author_id <> @user AND m.deleted_at IS NULL
              AND m.seq > coalesce((SELECT read_seq FROM chat_reads WHERE chat_id = @chat AND user_id = @user), 0)
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>How many of <paramref name="members"/> have read up to <paramref name="seq"/>.</summary>
    public async Task<int> ReadByAsync(Guid chatId, long seq, IReadOnlyList<Guid> members)
    {
        await using var command = database.CreateCommand(
            "SELECT count(*)::integer FROM chat_reads WHERE chat_id = @chat AND read_seq >= @seq AND user_id = ANY(@members)");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.AddWithValue("members", members.ToArray());
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<ChatMessage> ApplyChangeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid chatId, PendingEvent e, DateTimeOffset at)
    {
        ChatMessage current;
        await using (var select = new NpgsqlCommand($"SELECT {MessageColumns} FROM chat_messages WHERE chat_id = @chat AND seq = @seq FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("chat", chatId);
            select.Parameters.AddWithValue("seq", e.TargetSeq!.Value);
            await using var reader = await select.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException($"Message {e.TargetSeq} of chat {chatId} vanished inside its commit.");
            }

            current = Read(reader);
        }

        var updated = e.Type switch
        {
            ChatEventType.Edited => current with { Text = e.Text, EditedAt = at },
            ChatEventType.Deleted or ChatEventType.Hidden => current with
            {
                Text = null, Deleted = true, Reactions = Empty, Pinned = false, Attachments = [], PollId = null, MeetingId = null, RequiresAck = false,
                Hidden = e.Type == ChatEventType.Hidden,
            },
            ChatEventType.Pinned => current with { Pinned = e.On },
            _ => current with { Reactions = WithReaction(current.Reactions, e.Emoji!, e.AuthorId, e.On) },
        };
        await using var update = new NpgsqlCommand("""
            UPDATE chat_messages SET text = @text, edited_at = @edited, reactions = @reactions::jsonb,
                pinned_at = CASE WHEN @pinned THEN coalesce(pinned_at, @at) ELSE NULL END,
                attachments = CASE WHEN @deleted THEN '[]'::jsonb ELSE attachments END,
                poll_id = CASE WHEN @deleted THEN NULL ELSE poll_id END, meeting_id = CASE WHEN @deleted THEN NULL ELSE meeting_id END, requires_ack = requires_ack AND NOT @deleted,
                deleted_at = CASE WHEN @deleted THEN @at ELSE deleted_at END, deleted_by = CASE WHEN @deleted THEN @by ELSE deleted_by END,
                hidden_at = CASE WHEN @hidden THEN @at ELSE hidden_at END
            WHERE chat_id = @chat AND seq = @seq;
            UPDATE chat_events SET body = NULL WHERE @deleted AND chat_id = @chat AND (seq = @seq OR (target_seq = @seq AND type = 1));
            """, connection, transaction);
        update.Parameters.AddWithValue("chat", chatId);
        update.Parameters.AddWithValue("seq", current.Seq);
        update.Parameters.Add(new NpgsqlParameter<string?>("text", NpgsqlDbType.Text) { TypedValue = updated.Text });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("edited", NpgsqlDbType.TimestampTz) { TypedValue = updated.EditedAt });
        update.Parameters.AddWithValue("reactions", JsonSerializer.Serialize(updated.Reactions));
        update.Parameters.AddWithValue("deleted", e.Type is ChatEventType.Deleted or ChatEventType.Hidden);
        update.Parameters.AddWithValue("hidden", e.Type == ChatEventType.Hidden);
        update.Parameters.AddWithValue("pinned", updated.Pinned);
        update.Parameters.AddWithValue("at", at);
        update.Parameters.AddWithValue("by", e.AuthorId);
        await update.ExecuteNonQueryAsync();
        return updated;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<Guid>> WithReaction(IReadOnlyDictionary<string, IReadOnlyList<Guid>> reactions, string emoji, Guid user, bool on)
    {
        var copy = reactions.ToDictionary(kv => kv.Key, kv => kv.Value.Where(u => u != user || kv.Key != emoji).ToList());
        if (on)
        {
            copy.TryAdd(emoji, []);
            copy[emoji].Add(user);
        }

        return copy.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Guid>)kv.Value);
    }

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Guid>> Empty = new Dictionary<string, IReadOnlyList<Guid>>();

    private static async Task<List<ChatMessage>> ReadAllAsync(NpgsqlCommand command)
    {
        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            messages.Add(Read(reader));
        }

        return messages;
    }

    private static ChatMessage Read(NpgsqlDataReader r, int o = 0) => new(
        r.GetGuid(o), r.GetInt64(o + 1), r.GetGuid(o + 2), r.GetString(o + 3),
        r.IsDBNull(o + 4) ? null : r.GetString(o + 4),
        r.IsDBNull(o + 5) ? null : r.GetInt64(o + 5),
        r.GetFieldValue<DateTimeOffset>(o + 6),
        r.IsDBNull(o + 7) ? null : r.GetFieldValue<DateTimeOffset>(o + 7),
        r.GetBoolean(o + 8),
        r.IsDBNull(o + 9) ? null : r.GetString(o + 9),
        JsonSerializer.Deserialize<Dictionary<string, List<Guid>>>(r.GetString(o + 10))!
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Guid>)kv.Value),
        r.GetBoolean(o + 11),
        JsonSerializer.Deserialize<List<ChatAttachment>>(r.GetString(o + 12), Json)!,
        r.IsDBNull(o + 13) ? null : r.GetGuid(o + 13),
        r.GetBoolean(o + 14),
        r.GetBoolean(o + 15),
        r.IsDBNull(o + 16) ? null : r.GetGuid(o + 16),
        r.IsDBNull(o + 17) ? null : r.GetFieldValue<Guid[]>(o + 17));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static NpgsqlParameter NullableArray(string name, NpgsqlDbType type, IEnumerable<object?> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.Select(v => v ?? DBNull.Value).ToArray() };
}
