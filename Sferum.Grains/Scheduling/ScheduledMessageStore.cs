using Npgsql;

namespace Sferum.Scheduling;

/// <summary>Table <c>scheduled_messages</c>; each row's grain is its only writer.</summary>
public sealed class ScheduledMessageStore(NpgsqlDataSource database)
{
    private const string Columns = "message_id, chat_id, author_id, text, send_at, sent_at, sent_seq, cancelled_at";

    public async Task<ScheduledMessage?> GetAsync(Guid id)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM scheduled_messages WHERE message_id = @id");
        command.Parameters.AddWithValue("id", id);
        var found = await ReadAllAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    public async Task AddAsync(ScheduledMessage message)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO scheduled_messages (message_id, chat_id, author_id, text, send_at) VALUES (@id, @chat, @author, @text, @at)
            ON CONFLICT (message_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", message.Id);
        command.Parameters.AddWithValue("chat", message.ChatId);
        command.Parameters.AddWithValue("author", message.AuthorId);
        command.Parameters.AddWithValue("text", message.Text);
        command.Parameters.AddWithValue("at", message.SendAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task MarkSentAsync(Guid id, long seq, DateTimeOffset at) =>
        await UpdateAsync("UPDATE scheduled_messages SET sent_at = @at, sent_seq = @seq WHERE message_id = @id", id, at, seq);

    public async Task MarkCancelledAsync(Guid id, DateTimeOffset at) =>
        await UpdateAsync("UPDATE scheduled_messages SET cancelled_at = @at WHERE message_id = @id AND sent_at IS NULL", id, at, 0);

    public async Task<List<ScheduledMessage>> PendingAsync(Guid authorId, Guid chatId)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM scheduled_messages
            WHERE author_id = @author AND chat_id = @chat AND sent_at IS NULL AND cancelled_at IS NULL ORDER BY send_at
            """);
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("chat", chatId);
        return await ReadAllAsync(command);
    }

    private async Task UpdateAsync(string sql, Guid id, DateTimeOffset at, long seq)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("seq", seq);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<ScheduledMessage>> ReadAllAsync(NpgsqlCommand command)
    {
        var list = new List<ScheduledMessage>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(new ScheduledMessage(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetInt64(6),
                r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)));
        }

        return list;
    }
}
