using Npgsql;

namespace Sferum.Chats;

/// <summary>Finds what a chat id names: one of a class's two chats, or a direct or group chat with listed members.</summary>
public sealed class ChatLocator(NpgsqlDataSource database)
{
    public async Task<(Guid ClassId, bool ParentsChat)?> FindClassChatAsync(Guid chatId)
    {
        await using var command = database.CreateCommand(
            "SELECT class_id, parents_chat_id = @chat FROM roster_classes WHERE class_chat_id = @chat OR parents_chat_id = @chat");
        command.Parameters.AddWithValue("chat", chatId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetBoolean(1)) : null;
    }

    public async Task<ChatMembership?> FindListedChatAsync(Guid chatId)
    {
        await using var connection = await database.OpenConnectionAsync();
        ChatKind kind;
        Guid school;
        string title;
        await using (var command = new NpgsqlCommand("SELECT kind, school_id, title FROM chats WHERE chat_id = @chat", connection))
        {
            command.Parameters.AddWithValue("chat", chatId);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (kind, school, title) = ((ChatKind)reader.GetInt16(0), reader.GetGuid(1), reader.GetString(2));
        }

        var members = new Dictionary<Guid, bool>();
        await using (var command = new NpgsqlCommand("SELECT user_id, moderator FROM chat_members WHERE chat_id = @chat", connection))
        {
            command.Parameters.AddWithValue("chat", chatId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                members[reader.GetGuid(0)] = reader.GetBoolean(1);
            }
        }

        return new ChatMembership(kind, school, null, title, members);
    }
}
