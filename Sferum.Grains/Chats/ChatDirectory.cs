using Npgsql;

namespace Sferum.Chats;

/// <summary>Tables <c>chats</c> and <c>chat_members</c>: direct and group chats and who is in them.</summary>
public sealed class ChatDirectory(NpgsqlDataSource database)
{
    /// <summary>Creates the chat with its members unless it exists (a direct chat's id is derived from its two people).</summary>
    public async Task CreateAsync(Guid chatId, Guid schoolId, ChatKind kind, string title, Guid createdBy, IReadOnlyDictionary<Guid, bool> members)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var chat = new NpgsqlCommand("""
            INSERT INTO chats (chat_id, school_id, kind, title, created_by) VALUES (@chat, @school, @kind, @title, @by)
            ON CONFLICT (chat_id) DO NOTHING
            """, connection, transaction))
        {
            chat.Parameters.AddWithValue("chat", chatId);
            chat.Parameters.AddWithValue("school", schoolId);
            chat.Parameters.AddWithValue("kind", (short)kind);
            chat.Parameters.AddWithValue("title", title);
            chat.Parameters.AddWithValue("by", createdBy);
            await chat.ExecuteNonQueryAsync();
        }

        await using (var add = new NpgsqlCommand("""
            INSERT INTO chat_members (chat_id, user_id, moderator) SELECT @chat, u, m FROM unnest(@users, @moderators) AS x(u, m)
            ON CONFLICT (chat_id, user_id) DO NOTHING
            """, connection, transaction))
        {
            add.Parameters.AddWithValue("chat", chatId);
            add.Parameters.AddWithValue("users", members.Keys.ToArray());
            add.Parameters.AddWithValue("moderators", members.Values.ToArray());
            await add.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task<bool> RemoveMemberAsync(Guid chatId, Guid userId, ChatKind kind)
    {
        await using var command = database.CreateCommand("""
            DELETE FROM chat_members m USING chats c
            WHERE m.chat_id = @chat AND m.user_id = @user AND c.chat_id = m.chat_id AND c.kind = @kind
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("kind", (short)kind);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    public async Task<List<Guid>> ChatsOfAsync(Guid userId)
    {
        await using var command = database.CreateCommand("SELECT chat_id FROM chat_members WHERE user_id = @user");
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var chats = new List<Guid>();
        while (await reader.ReadAsync())
        {
            chats.Add(reader.GetGuid(0));
        }

        return chats;
    }
}
