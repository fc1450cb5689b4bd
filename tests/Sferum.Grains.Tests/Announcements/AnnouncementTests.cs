using Sferum.Announcements;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Announcements;

/// <summary>Announcements with «ознакомлен» against a real PostgreSQL: per child in a parents' chat, reminders, refusals.</summary>
[Collection(GrainCollection.Name)]
public sealed class AnnouncementTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task In_the_parents_chat_a_child_counts_as_confirmed_when_a_parent_confirms()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ParentsChat);
        var posted = await chat.SendAsync(fx.Teacher, new SendMessage("a1", "Собрание в четверг в 18:00", null, RequiresAck: true));
        var announcement = env.Grains.GetGrain<IAnnouncementGrain>(AnnouncementKeys.For(fx.ParentsChat, posted.Seq));

        Assert.True(posted.RequiresAck);
        Assert.False(await announcement.IsAcknowledgedAsync(fx.Parent));
        await announcement.AcknowledgeAsync(fx.Parent);
        await announcement.AcknowledgeAsync(fx.Parent); // a second tap changes nothing
        var report = await announcement.ReportAsync(fx.Teacher);

        Assert.True(report.PerChild);
        Assert.Equal("1А", report.ClassName);
        var child = Assert.Single(report.Rows, r => r.Confirmed);
        Assert.StartsWith("Васильева", child.Name, StringComparison.Ordinal);
        Assert.Single(child.ConfirmedBy);
        Assert.Equal(1, report.Confirmed);
        Assert.True(report.Rows.Count > 1);
        Assert.True(await announcement.IsAcknowledgedAsync(fx.Parent));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM message_acks WHERE chat_id = @c", ("c", fx.ParentsChat)));
    }

    [Fact]
    public async Task Only_teachers_announce_only_the_addressed_confirm_and_only_the_author_and_teachers_see_who()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classChat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var plain = await classChat.SendAsync(fx.Student, new SendMessage("p1", "Привет", null));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            classChat.SendAsync(fx.Student, new SendMessage("p2", "Всем подтвердить!", null, RequiresAck: true)))).Code);

        var posted = await classChat.SendAsync(fx.Teacher, new SendMessage("a1", "Завтра форма парадная", null, RequiresAck: true));
        var announcement = env.Grains.GetGrain<IAnnouncementGrain>(AnnouncementKeys.For(fx.ClassChat, posted.Seq));
        foreach (var (who, code) in new[] { (fx.Parent, "forbidden"), (fx.OtherClassStudent, "forbidden"), (fx.Teacher, "announcement.own") })
        {
            Assert.Equal(code, (await Assert.ThrowsAsync<DomainException>(() => announcement.AcknowledgeAsync(who))).Code);
        }

        Assert.Equal("announcement.unknown", (await Assert.ThrowsAsync<DomainException>(() =>
            env.Grains.GetGrain<IAnnouncementGrain>(AnnouncementKeys.For(fx.ClassChat, plain.Seq)).AcknowledgeAsync(fx.Classmate))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => announcement.ReportAsync(fx.Student))).Code);

        await announcement.AcknowledgeAsync(fx.Student);
        var report = await announcement.ReportAsync(fx.Teacher);
        Assert.False(report.PerChild);
        Assert.Contains(report.Rows, r => r.Confirmed && r.Addressees.Contains(fx.Student));
        Assert.Contains(report.Rows, r => !r.Confirmed && r.Addressees.Contains(fx.Classmate));
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM message_acks WHERE chat_id = @c AND user_id <> @s",
            ("c", fx.ClassChat), ("s", fx.Student)));
    }

    [Fact]
    public async Task A_reminder_writes_once_to_each_who_has_not_confirmed()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var posted = await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("a1", "Сдать учебники до пятницы", null, RequiresAck: true));
        var announcement = env.Grains.GetGrain<IAnnouncementGrain>(AnnouncementKeys.For(fx.ClassChat, posted.Seq));
        await announcement.AcknowledgeAsync(fx.Student);

        var first = await announcement.RemindAsync(fx.Teacher);
        var second = await announcement.RemindAsync(fx.Teacher);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => announcement.RemindAsync(fx.Classmate))).Code);

        Assert.True(first.Reminded >= 1);
        var direct = await env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId).OpenDirectAsync(fx.Teacher, fx.Classmate);
        var reminders = (await env.Grains.GetGrain<IChatGrain>(direct).HistoryAsync(fx.Classmate, null, null, 10)).Messages;
        Assert.Single(reminders, m => m.Text!.Contains("Сдать учебники", StringComparison.Ordinal));
        // The pupil who confirmed is not written to.
        var confirmedDirect = await env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId).OpenDirectAsync(fx.Teacher, fx.Student);
        Assert.Empty((await env.Grains.GetGrain<IChatGrain>(confirmedDirect).HistoryAsync(fx.Student, null, null, 10)).Messages);
        Assert.Equal(first.Reminded, second.Reminded);
    }
}
