using System.Text.RegularExpressions;
using Npgsql;
using Sferum.Chats;

namespace Sferum.Grains.Tests.Chats;

/// <summary>
/// The chat log and the messages are partitioned by chat (migration 0700): PostgreSQL's own plans show that a history
/// page and a catch-up of one chat read one partition of each table, and a chat's rows all land in one partition.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed partial class ChatPartitionTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_history_page_reads_one_partition_of_the_messages()
    {
        var fx = await ChatFixture.CreateAsync(env);
        await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("p-1", "Раздел", null));

        var plan = await ExplainAsync(
            "SELECT * FROM (SELECT chat_id, seq, text FROM chat_messages WHERE chat_id = @chat AND seq < @before ORDER BY seq DESC LIMIT 50) page ORDER BY 2",
            fx.ClassChat);

        Assert.Equal(["chat_messages"], Partitions(plan).Select(p => p.Table).Distinct());
        Assert.Single(Partitions(plan).Distinct());
    }

    [Fact]
    public async Task A_catch_up_reads_one_partition_of_the_log_and_one_of_the_messages()
    {
        var fx = await ChatFixture.CreateAsync(env);
        await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("p-2", "Раздел", null));

        var plan = await ExplainAsync("""
            SELECT e.seq, m.text FROM chat_events e JOIN chat_messages m ON m.chat_id = e.chat_id AND m.seq = coalesce(e.target_seq, e.seq)
            WHERE e.chat_id = @chat AND e.seq > @after ORDER BY e.seq LIMIT 500
            """, fx.ClassChat);

        var partitions = Partitions(plan).Distinct().ToList();
        Assert.Equal(2, partitions.Count);
        Assert.Equal(["chat_events", "chat_messages"], partitions.Select(p => p.Table).Order());
    }

    [Fact]
    public async Task A_chat_s_events_and_messages_are_written_to_one_partition_each()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        for (var i = 0; i < 5; i++)
        {
            await chat.SendAsync(fx.Teacher, new SendMessage($"p-3-{i}", $"Сообщение {i}", null));
        }

        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "chat_events", "chat_messages" })
        {
            await using var command = new NpgsqlCommand($"SELECT DISTINCT tableoid::regclass::text FROM {table} WHERE chat_id = @chat", connection);
            command.Parameters.AddWithValue("chat", fx.ClassChat);
            var holders = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    holders.Add(reader.GetString(0));
                }
            }

            Assert.Matches($"^{table}_p\\d+$", Assert.Single(holders));
        }
    }

    private async Task<string> ExplainAsync(string query, Guid chatId)
    {
        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"EXPLAIN {query}", connection);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("before", long.MaxValue);
        command.Parameters.AddWithValue("after", 0L);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static IEnumerable<(string Table, string Partition)> Partitions(string plan) =>
        PartitionName().Matches(plan).Select(m => (m.Groups[1].Value, m.Value));

    [GeneratedRegex(@"\b(chat_events|chat_messages)_p\d+\b")]
    private static partial Regex PartitionName();
}
