using Npgsql;

namespace Sferum.Chats;

/// <summary>Finds which class a chat id belongs to (each class owns a class chat and a parents' chat).</summary>
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
}
