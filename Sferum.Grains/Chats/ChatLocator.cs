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

        // A school channel is read by everyone in the school (anyone the roster links to a user, anyone in a class by
        // invitation, and the admins);
        // its listed members are its authors.
        var members = new Dictionary<Guid, bool>();
        var sql = kind == ChatKind.Channel
            ? """
              SELECT user_id, false FROM roster_people WHERE school_id = @school AND user_id IS NOT NULL AND removed_at IS NULL
              UNION SELECT user_id, false FROM class_invitees_current WHERE school_id = @school
              UNION SELECT u.user_id, true FROM school_admins a JOIN user_identities u ON u.snils = a.snils AND u.trust >= 1 WHERE a.school_id = @school
              UNION SELECT user_id, moderator FROM chat_members WHERE chat_id = @chat
              ORDER BY 2
              """
            : "SELECT user_id, moderator FROM chat_members WHERE chat_id = @chat";
        await using (var command = new NpgsqlCommand(sql, connection))
        {
            command.Parameters.AddWithValue("chat", chatId);
            command.Parameters.AddWithValue("school", school);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                // Ordered so that an author's "true" comes last and wins over their reader row.
                members[reader.GetGuid(0)] = reader.GetBoolean(1);
            }
        }

        // Students among them (a direct chat with a pupil, a club): quiet hours apply to them.
        var students = new HashSet<Guid>();
        await using (var command = new NpgsqlCommand(
            "SELECT DISTINCT user_id FROM user_class_roles WHERE school_id = @school AND role = 0 AND user_id = ANY(@members)", connection))
        {
            command.Parameters.AddWithValue("school", school);
            command.Parameters.AddWithValue("members", members.Keys.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                students.Add(reader.GetGuid(0));
            }
        }

        return new ChatMembership(kind, school, null, title, members, students);
    }
}
