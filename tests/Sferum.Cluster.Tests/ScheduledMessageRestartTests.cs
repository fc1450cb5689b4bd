using Sferum.Scheduling;
using Sferum.Testing;

namespace Sferum.Cluster.Tests;

/// <summary>
/// A message scheduled for later is sent although the only silo was killed (kill -9) before its time and came back
/// after it: the Orleans reminder lives in PostgreSQL, not in the silo.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScheduledMessageRestartTests(PostgresServer postgres) : ClusterTestBase(postgres)
{
    [Fact]
    public async Task A_scheduled_message_is_sent_after_the_cluster_was_killed_and_restarted_past_its_time()
    {
        var (silo, _, gateway) = await StartSiloAsync();
        var client = await ConnectToGatewayAsync(gateway);
        var (chatId, teacherId) = await CreateGroupChatAsync(client);

        const string text = "Доброе утро, коллеги: педсовет в 15:00";
        await client.GetGrain<IScheduledMessageGrain>(ScheduledIds.For(chatId, teacherId, "m1"))
            .ScheduleAsync(teacherId, chatId, "m1", text, DateTimeOffset.UtcNow.AddSeconds(5));
        silo.Kill();
        await Task.Delay(TimeSpan.FromSeconds(8)); // its time passes while no silo runs

        await StartSiloAsync();
        var deadline = DateTime.UtcNow.AddSeconds(150);
        long sent = 0;
        while (sent == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            sent = await Sql.CountAsync(ConnectionString, "SELECT count(*) FROM chat_messages WHERE chat_id = @c AND text = @t", ("c", chatId), ("t", text));
        }

        Assert.Equal(1, sent);
        Assert.Equal(1, await Sql.CountAsync(ConnectionString, "SELECT count(*) FROM scheduled_messages WHERE chat_id = @c AND sent_seq = 1", ("c", chatId)));
    }
}
