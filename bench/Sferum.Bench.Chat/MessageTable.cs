using Npgsql;

namespace Sferum.Bench.Chat;

/// <summary>The durable side of a run: how many messages the append-only table holds.</summary>
public sealed class MessageTable(string connectionString)
{
    public async Task<long> CountAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM chat_messages", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
