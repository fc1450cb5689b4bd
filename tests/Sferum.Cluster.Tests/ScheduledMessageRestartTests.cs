using Sferum.Identity;
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
        var subject = $"sched-{Guid.NewGuid()}";
        var teacher = await client.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", subject))
            .SignInAsync(new ExternalIdentity("esia", subject, new PersonName("Орлова", "Вера", null), null, null, false, null, false, TrustLevel.Standard));
        // A group chat of one school with the teacher as its moderator, as the school's chats grain would create it.
        var chatId = Guid.NewGuid();
        await Sql.ExecuteAsync(ConnectionString, """
            INSERT INTO chats (chat_id, school_id, kind, title, created_by) VALUES (@chat, @school, 3, 'Методобъединение', @user);
            INSERT INTO chat_members (chat_id, user_id, moderator) VALUES (@chat, @user, true);
            """, ("chat", chatId), ("school", Guid.NewGuid()), ("user", teacher.UserId));

        const string text = "Доброе утро, коллеги: педсовет в 15:00";
        await client.GetGrain<IScheduledMessageGrain>(ScheduledIds.For(chatId, teacher.UserId, "m1"))
            .ScheduleAsync(teacher.UserId, chatId, "m1", text, DateTimeOffset.UtcNow.AddSeconds(5));
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
