using Npgsql;

namespace Sferum.Chats;

/// <summary>Tables <c>chat_mutes</c> and <c>chat_exclusions</c>: who a moderator muted (until when) or removed from a chat.</summary>
public sealed class ChatSanctions(NpgsqlDataSource database)
{
    public async Task<Dictionary<Guid, DateTimeOffset>> MutesAsync(Guid chatId, DateTimeOffset now)
    {
        await using var command = database.CreateCommand("SELECT user_id, until FROM chat_mutes WHERE chat_id = @chat AND until > @now");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync();
        var mutes = new Dictionary<Guid, DateTimeOffset>();
        while (await reader.ReadAsync())
        {
            mutes[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        return mutes;
    }

    public async Task MuteAsync(Guid chatId, Guid userId, DateTimeOffset until, Guid by)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO chat_mutes (chat_id, user_id, until, muted_by) VALUES (@chat, @user, @until, @by)
            ON CONFLICT (chat_id, user_id) DO UPDATE SET until = excluded.until, muted_by = excluded.muted_by, muted_at = now()
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("until", until);
        command.Parameters.AddWithValue("by", by);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<HashSet<Guid>> ExcludedAsync(Guid chatId)
    {
        await using var command = database.CreateCommand("SELECT user_id FROM chat_exclusions WHERE chat_id = @chat");
        command.Parameters.AddWithValue("chat", chatId);
        await using var reader = await command.ExecuteReaderAsync();
        var excluded = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            excluded.Add(reader.GetGuid(0));
        }

        return excluded;
    }

    /// <summary>Removes the person; a listed chat (group, community) also loses their membership row.</summary>
    public async Task ExcludeAsync(Guid chatId, Guid userId, Guid by)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO chat_exclusions (chat_id, user_id, excluded_by) VALUES (@chat, @user, @by) ON CONFLICT DO NOTHING;
            DELETE FROM chat_members WHERE chat_id = @chat AND user_id = @user;
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("by", by);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Lets a removed person back (a community admin approving their new request, say).</summary>
    public async Task ReadmitAsync(Guid chatId, Guid userId)
    {
        await using var command = database.CreateCommand("DELETE FROM chat_exclusions WHERE chat_id = @chat AND user_id = @user");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        await command.ExecuteNonQueryAsync();
    }
}
