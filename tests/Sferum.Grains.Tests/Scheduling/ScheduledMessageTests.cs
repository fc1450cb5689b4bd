using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Scheduling;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Scheduling;

/// <summary>Messages scheduled for later, sent by an Orleans reminder (stored in PostgreSQL) at their time.</summary>
[Collection(GrainCollection.Name)]
public sealed class ScheduledMessageTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_scheduled_message_is_posted_by_its_reminder_at_its_time_once()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var scheduled = Grain(fx.ClassChat, fx.Teacher, "s1");
        var message = await scheduled.ScheduleAsync(fx.Teacher, fx.ClassChat, "s1", "Доброе утро! Не забудьте сменную обувь.", DateTimeOffset.UtcNow.AddSeconds(3));
        var retried = await scheduled.ScheduleAsync(fx.Teacher, fx.ClassChat, "s1", "другой текст", DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal((message.Id, message.Text), (retried.Id, retried.Text)); // a retry changes nothing
        Assert.Single(await env.Grains.GetGrain<IScheduledMessageListGrain>(0).PendingAsync(fx.Teacher, fx.ClassChat));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'send'"));

        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        ChatMessage? posted = null;
        while (posted is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            posted = (await chat.HistoryAsync(fx.Student, null, null, 10)).Messages.SingleOrDefault(m => m.Text == message.Text);
        }

        Assert.NotNull(posted);
        Assert.Equal(fx.Teacher, posted.AuthorId);
        Assert.Empty(await env.Grains.GetGrain<IScheduledMessageListGrain>(0).PendingAsync(fx.Teacher, fx.ClassChat));
        Assert.Equal("schedule.sent", (await Assert.ThrowsAsync<DomainException>(() => scheduled.CancelAsync(fx.Teacher))).Code);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_messages WHERE chat_id = @c AND text = @t",
            ("c", fx.ClassChat), ("t", message.Text)));
    }

    [Fact]
    public async Task A_cancelled_message_is_never_sent_and_bad_times_and_outsiders_are_refused()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var scheduled = Grain(fx.ClassChat, fx.Teacher, "c1");
        await scheduled.ScheduleAsync(fx.Teacher, fx.ClassChat, "c1", "Отменённое", DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Equal("schedule.unknown", (await Assert.ThrowsAsync<DomainException>(() => scheduled.CancelAsync(fx.Student))).Code);
        var cancelled = await scheduled.CancelAsync(fx.Teacher);
        Assert.NotNull(cancelled.CancelledAt);

        async Task<string> Refusal(Guid who, Guid chat, string text, DateTimeOffset at) =>
            (await Assert.ThrowsAsync<DomainException>(() => Grain(chat, who, "bad").ScheduleAsync(who, chat, "bad", text, at))).Code;

        Assert.Equal("schedule.past", await Refusal(fx.Teacher, fx.ClassChat, "вчера", DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal("schedule.too-far", await Refusal(fx.Teacher, fx.ClassChat, "через год", DateTimeOffset.UtcNow.AddDays(60)));
        Assert.Equal("message.empty", await Refusal(fx.Teacher, fx.ClassChat, "  ", DateTimeOffset.UtcNow.AddHours(1)));
        Assert.Equal("forbidden", await Refusal(fx.OtherClassStudent, fx.ClassChat, "чужое", DateTimeOffset.UtcNow.AddHours(1)));

        await Task.Delay(4000);
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_messages WHERE chat_id = @c AND text = 'Отменённое'",
            ("c", fx.ClassChat)));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM scheduled_messages WHERE chat_id = @c", ("c", fx.ClassChat)));
    }

    private IScheduledMessageGrain Grain(Guid chatId, Guid author, string clientId) =>
        env.Grains.GetGrain<IScheduledMessageGrain>(ScheduledIds.For(chatId, author, clientId));
}
