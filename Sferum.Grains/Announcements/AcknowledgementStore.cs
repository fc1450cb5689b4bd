using Npgsql;

namespace Sferum.Announcements;

/// <summary>Table <c>message_acks</c>: who confirmed which announcement, and when.</summary>
public sealed class AcknowledgementStore(NpgsqlDataSource database)
{
    public async Task AddAsync(Guid chatId, long seq, Guid userId)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO message_acks (chat_id, seq, user_id) VALUES (@chat, @seq, @user) ON CONFLICT DO NOTHING");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.AddWithValue("user", userId);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<HashSet<Guid>> ListAsync(Guid chatId, long seq)
    {
        await using var command = database.CreateCommand("SELECT user_id FROM message_acks WHERE chat_id = @chat AND seq = @seq");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("seq", seq);
        await using var reader = await command.ExecuteReaderAsync();
        var users = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            users.Add(reader.GetGuid(0));
        }

        return users;
    }
}
