using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Moderation;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Moderation;

/// <summary>Reports, hiding, muting, removal and admins' safety reads against a real PostgreSQL; each checked in the audit log.</summary>
[Collection(GrainCollection.Name)]
public sealed class ModerationTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_report_reaches_the_class_teacher_and_the_admin_and_hiding_it_takes_the_text_away_for_everyone()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var rude = await chat.SendAsync(fx.Classmate, new SendMessage("r1", "Ты дурак", null));
        var moderation = env.Grains.GetGrain<IModerationGrain>(fx.SchoolId);

        var reportId = await moderation.ReportAsync(fx.Student, fx.ClassChat, rude.Seq, ReportReason.Insult, "обзывается");
        Assert.Equal(reportId, await moderation.ReportAsync(fx.Student, fx.ClassChat, rude.Seq, ReportReason.Insult, null)); // a second tap

        var seenByTeacher = Assert.Single(await moderation.ReportsAsync(fx.Teacher, includeResolved: false));
        Assert.Equal("Ты дурак", seenByTeacher.MessageText);
        Assert.Equal(fx.Classmate, seenByTeacher.AuthorId);
        Assert.Contains(await moderation.ReportsAsync(fx.AdminId, false), r => r.ReportId == reportId);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => moderation.ReportsAsync(fx.Student, false))).Code);

        var resolved = await moderation.ActAsync(fx.Teacher, reportId, ReportAction.Hide);
        Assert.Equal("hidden", resolved.Resolution);
        var shown = (await chat.HistoryAsync(fx.Student, null, null, 50)).Messages.Single(m => m.Seq == rude.Seq);
        Assert.True(shown.Hidden);
        Assert.Null(shown.Text);
        Assert.Empty(await moderation.ReportsAsync(fx.Teacher, includeResolved: false));
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_events WHERE chat_id = @c AND body = 'Ты дурак'", ("c", fx.ClassChat)));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'moderation.hidden' AND actor_user_id = @t", ("s", fx.SchoolId), ("t", fx.Teacher)));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'moderation.reported'", ("s", fx.SchoolId)));
    }

    [Fact]
    public async Task Reports_are_refused_for_what_the_reporter_cannot_see_their_own_messages_and_bad_input()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var posted = await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).SendAsync(fx.Student, new SendMessage("m1", "Привет", null));
        var moderation = env.Grains.GetGrain<IModerationGrain>(fx.SchoolId);

        async Task<string> Refusal(Guid who, Guid chat, long seq, ReportReason reason = ReportReason.Spam, string? comment = null) =>
            (await Assert.ThrowsAsync<DomainException>(() => moderation.ReportAsync(who, chat, seq, reason, comment))).Code;

        Assert.Equal("forbidden", await Refusal(fx.OtherClassStudent, fx.ClassChat, posted.Seq)); // a message one cannot see
        Assert.Equal("forbidden", await Refusal(fx.Parent, fx.ClassChat, posted.Seq));            // not in the class chat
        Assert.Equal("report.own", await Refusal(fx.Student, fx.ClassChat, posted.Seq));
        Assert.Equal("message.unknown", await Refusal(fx.Classmate, fx.ClassChat, posted.Seq + 100));
        Assert.Equal("report.reason-invalid", await Refusal(fx.Classmate, fx.ClassChat, posted.Seq, (ReportReason)42));
        Assert.Equal("report.comment-too-long", await Refusal(fx.Classmate, fx.ClassChat, posted.Seq, comment: new string('а', 501)));
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM message_reports WHERE chat_id = @c", ("c", fx.ClassChat)));
    }

    [Fact]
    public async Task A_muted_member_reads_but_cannot_write_until_the_time_and_teachers_cannot_be_muted()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        await chat.MuteAsync(fx.Teacher, fx.Classmate, DateTimeOffset.UtcNow.AddHours(1));

        var muted = await Assert.ThrowsAsync<DomainException>(() => chat.SendAsync(fx.Classmate, new SendMessage("x", "можно?", null)));
        Assert.Equal("member.muted", muted.Code);
        Assert.NotNull(await chat.HistoryAsync(fx.Classmate, null, null, 10));
        await chat.SendAsync(fx.Student, new SendMessage("y", "я могу", null));

        Assert.Equal("moderation.moderator", (await Assert.ThrowsAsync<DomainException>(() =>
            chat.MuteAsync(fx.AdminId, fx.Teacher, DateTimeOffset.UtcNow.AddHours(1)))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            chat.MuteAsync(fx.Student, fx.Classmate, DateTimeOffset.UtcNow.AddHours(1)))).Code);
        Assert.Equal("moderation.mute-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            chat.MuteAsync(fx.Teacher, fx.Student, DateTimeOffset.UtcNow.AddDays(8)))).Code);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_mutes WHERE chat_id = @c", ("c", fx.ClassChat)));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'moderation.muted'", ("s", fx.SchoolId)));
    }

    [Fact]
    public async Task A_removed_pupil_leaves_the_class_chat_although_the_journal_still_lists_them()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        await chat.RemoveMemberAsync(fx.Teacher, fx.Classmate);

        Assert.False(await chat.IsMemberAsync(fx.Classmate));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chat.HistoryAsync(fx.Classmate, null, null, 10))).Code);
        // The roster changing again (a re-import) does not bring them back.
        await chat.MembersChangedAsync();
        Assert.False(await chat.IsMemberAsync(fx.Classmate));
        Assert.True(await chat.IsMemberAsync(fx.Student));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'moderation.removed'", ("s", fx.SchoolId)));
    }

    [Fact]
    public async Task An_admin_reads_any_chat_of_the_school_and_every_read_is_audited_others_are_refused()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ParentsChat);
        await chat.SendAsync(fx.Parent, new SendMessage("p1", "Когда собрание?", null));

        var page = await chat.ReviewAsync(fx.AdminId, null, 50);
        await chat.ReviewAsync(fx.AdminId, null, 50);
        Assert.Contains(page.Messages, m => m.Text == "Когда собрание?");
        Assert.Equal(2, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'moderation.chat-read' AND actor_user_id = @a", ("s", fx.SchoolId), ("a", fx.AdminId)));
        foreach (var who in new[] { fx.Teacher, fx.Parent, fx.OtherClassStudent })
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chat.ReviewAsync(who, null, 50))).Code);
        }
    }

    [Fact]
    public async Task A_refused_sanction_on_a_report_changes_nothing_neither_the_message_nor_the_report()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        var byTeacher = await chat.SendAsync(fx.Teacher, new SendMessage("t1", "Контрольная перенесена", null));
        var moderation = env.Grains.GetGrain<IModerationGrain>(fx.SchoolId);
        var reportId = await moderation.ReportAsync(fx.Student, fx.ClassChat, byTeacher.Seq, ReportReason.Other, null);

        foreach (var action in new[] { ReportAction.Remove, ReportAction.Mute })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => moderation.ActAsync(fx.AdminId, reportId, action, muteHours: 1));
            Assert.Equal("moderation.moderator", refused.Code);
        }

        Assert.Equal("Контрольная перенесена", (await chat.GetMessageAsync(fx.Student, byTeacher.Seq)).Text);
        Assert.True(Assert.Single(await moderation.ReportsAsync(fx.AdminId, includeResolved: false)).Open);
        Assert.True(await chat.IsMemberAsync(fx.Teacher));
    }
}
