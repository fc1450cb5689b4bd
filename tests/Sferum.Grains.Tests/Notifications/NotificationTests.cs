using System.Collections.Concurrent;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Invitations;
using Sferum.Notifications;
using Sferum.Polls;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Notifications;

/// <summary>
/// The notification centre against a real PostgreSQL: each kind produced for the right person and not produced for
/// the author, in a muted chat, with the kind turned off or for an outsider; mute expiry; quiet hours.
/// Notifications travel one way, so a test that expects none sends a later one that must arrive (a marker) and then
/// checks that the marker is all there is.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class NotificationTests(GrainTestEnvironment env)
{
    private INotificationsGrain Centre(Guid userId) => env.Grains.GetGrain<INotificationsGrain>(userId);

    private IChatGrain Chat(Guid chatId) => env.Grains.GetGrain<IChatGrain>(chatId);

    [Fact]
    public async Task A_mention_reaches_the_named_member_by_id_and_nobody_else()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var sent = await Chat(fx.ClassChat).SendAsync(fx.Teacher,
            new SendMessage("m1", "@Васильева Анна, принеси тетрадь", null, Mentions: [fx.Student, fx.OtherClassStudent, fx.Teacher, fx.Student]));

        // Only the member is kept (not the outsider, not the author, once), and the stored message keeps her id.
        Assert.Equal([fx.Student], sent.Mentions);
        Assert.Equal([fx.Student], (await Chat(fx.ClassChat).GetMessageAsync(fx.Teacher, sent.Seq)).Mentions);
        var mention = Assert.Single(await WaitForAsync(fx.Student, 1));
        Assert.Equal((NotificationKind.Mention, fx.ClassChat, sent.Seq, false), (mention.Kind, mention.ChatId, mention.Seq, mention.Read));
        Assert.Equal("1А класс", mention.Title);
        Assert.Contains("принеси тетрадь", mention.Text);
        Assert.Equal(1, await Centre(fx.Student).UnreadAsync(fx.Student));

        // A plain message (no mention, no reply) notifies nobody: the marker after it is all the classmate gets.
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m2", "Всем доброе утро", null));
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m3", "@Макарова", null, Mentions: [fx.Classmate]));
        Assert.Equal("@Макарова", Assert.Single(await WaitForAsync(fx.Classmate, 1)).Text);
        Assert.Empty((await Centre(fx.OtherClassStudent).ListAsync(fx.OtherClassStudent)).Items);
        Assert.Empty((await Centre(fx.Teacher).ListAsync(fx.Teacher)).Items);
    }

    [Fact]
    public async Task A_reply_notifies_the_replied_to_author_but_not_oneself()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var question = await Chat(fx.ClassChat).SendAsync(fx.Student, new SendMessage("q", "Когда контрольная?", null));
        await Chat(fx.ClassChat).SendAsync(fx.Student, new SendMessage("q2", "Я про математику", question.Seq));
        var answer = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("a", "В пятницу", question.Seq));

        var reply = Assert.Single(await WaitForAsync(fx.Student, 1));
        Assert.Equal((NotificationKind.Reply, answer.Seq), (reply.Kind, reply.Seq));
        Assert.Contains("Васильева", reply.ActorName);
        Assert.Empty((await Centre(fx.Teacher).ListAsync(fx.Teacher)).Items);
    }

    [Fact]
    public async Task A_muted_chat_is_silent_except_for_a_mention_and_a_kind_turned_off_is_not_produced()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var mine = await Chat(fx.ClassChat).SendAsync(fx.Student, new SendMessage("s", "Я заболела", null));
        var settings = await Centre(fx.Student).MuteChatAsync(fx.Student, fx.ClassChat, null);
        Assert.Equal(new ChatMute(fx.ClassChat, null), Assert.Single(settings.Mutes));

        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("r", "Выздоравливай", mine.Seq));
        var mention = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m", "@Васильева задание в почте", null, Mentions: [fx.Student]));
        Assert.Equal((NotificationKind.Mention, mention.Seq), Assert.Single(await WaitForAsync(fx.Student, 1)) is var n ? (n.Kind, n.Seq) : default);

        // Unmuted, but replies turned off: a reply still makes nothing, a mention does.
        await Centre(fx.Student).UnmuteChatAsync(fx.Student, fx.ClassChat);
        Assert.Equal([NotificationKind.Reply], (await Centre(fx.Student).SetKindAsync(fx.Student, NotificationKind.Reply, false)).Disabled);
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("r2", "Не забудь справку", mine.Seq));
        var second = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m2", "@Васильева и учебник", null, Mentions: [fx.Student]));
        var items = await WaitForAsync(fx.Student, 2);
        Assert.Equal([second.Seq, mention.Seq], items.Select(i => i.Seq));
        Assert.All(items, i => Assert.Equal(NotificationKind.Mention, i.Kind));

        // Mentions turned off too: nothing at all; replies back on: the reply arrives.
        await Centre(fx.Student).SetKindAsync(fx.Student, NotificationKind.Mention, false);
        await Centre(fx.Student).SetKindAsync(fx.Student, NotificationKind.Reply, true);
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m3", "@Васильева", null, Mentions: [fx.Student]));
        var reply = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("r3", "Жду", mine.Seq));
        Assert.Equal((NotificationKind.Reply, reply.Seq), (await WaitForAsync(fx.Student, 3))[0] is var r ? (r.Kind, r.Seq) : default);
        Assert.Equal(3, (await Centre(fx.Student).ListAsync(fx.Student)).Items.Count);
    }

    [Fact]
    public async Task A_mute_for_a_while_ends_by_itself()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var mine = await Chat(fx.ClassChat).SendAsync(fx.Student, new SendMessage("s", "Можно вопрос?", null));
        var until = DateTimeOffset.UtcNow.AddSeconds(2);
        await Centre(fx.Student).MuteChatAsync(fx.Student, fx.ClassChat, until);
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("r1", "Да", mine.Seq));

        // Waiting for the mute's end is the behaviour under test, not a guess about timing.
        while (DateTimeOffset.UtcNow <= until)
        {
            await Task.Delay(200);
        }

        Assert.Empty((await Centre(fx.Student).GetSettingsAsync(fx.Student)).Mutes);
        var after = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("r2", "Спрашивай", mine.Seq));
        Assert.Equal(after.Seq, Assert.Single(await WaitForAsync(fx.Student, 1)).Seq);
        Assert.Equal("notification.mute-past", (await Assert.ThrowsAsync<DomainException>(() =>
            Centre(fx.Student).MuteChatAsync(fx.Student, fx.ClassChat, DateTimeOffset.UtcNow.AddMinutes(-1)))).Code);
    }

    [Fact]
    public async Task Nobody_reads_or_changes_another_persons_centre_and_an_outsider_cannot_mute_a_chat_or_list_its_members()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var student = Centre(fx.Student);
        var calls = new Func<Task>[]
        {
            () => student.ListAsync(fx.OtherClassStudent),
            () => student.UnreadAsync(fx.Teacher),
            () => student.MarkAllReadAsync(fx.Parent),
            () => student.MarkReadAsync(fx.Parent, Guid.NewGuid()),
            () => student.GetSettingsAsync(fx.Teacher),
            () => student.SetKindAsync(fx.Teacher, NotificationKind.Mention, false),
            () => student.MuteChatAsync(fx.Teacher, fx.ClassChat, null),
            () => student.UnmuteChatAsync(fx.Teacher, fx.ClassChat),
            () => Centre(fx.OtherClassStudent).MuteChatAsync(fx.OtherClassStudent, fx.ClassChat, null),
            () => Chat(fx.ClassChat).MemberNamesAsync(fx.OtherClassStudent),
            () => Chat(fx.ClassChat).MemberNamesAsync(fx.Parent),
        };
        foreach (var call in calls)
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(call)).Code);
        }

        var names = await Chat(fx.ClassChat).MemberNamesAsync(fx.Student);
        Assert.Contains(names, n => n.UserId == fx.Teacher);
        Assert.DoesNotContain(names, n => n.UserId == fx.Student || n.UserId == fx.Parent);
    }

    [Fact]
    public async Task An_announcement_asks_every_other_member_and_mark_read_counts_down()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var posted = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("a", "Завтра экскурсия, форма свободная", null, RequiresAck: true));

        var forStudent = Assert.Single(await WaitForAsync(fx.Student, 1));
        Assert.Equal((NotificationKind.Announcement, posted.Seq), (forStudent.Kind, forStudent.Seq));
        Assert.Equal(NotificationKind.Announcement, Assert.Single(await WaitForAsync(fx.Classmate, 1)).Kind);
        Assert.Empty((await Centre(fx.Teacher).ListAsync(fx.Teacher)).Items);

        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("a2", "И сменную обувь", null, RequiresAck: true));
        await WaitForAsync(fx.Student, 2);
        Assert.Equal(1, await Centre(fx.Student).MarkReadAsync(fx.Student, forStudent.Id));
        Assert.Equal(0, await Centre(fx.Student).MarkAllReadAsync(fx.Student));
        Assert.All((await Centre(fx.Student).ListAsync(fx.Student)).Items, i => Assert.True(i.Read));
        Assert.Equal("notification.unknown", (await Assert.ThrowsAsync<DomainException>(() =>
            Centre(fx.Student).MarkReadAsync(fx.Student, Guid.NewGuid()))).Code);
    }

    [Fact]
    public async Task A_poll_reminds_those_who_have_not_answered_an_hour_before_its_deadline()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var deadline = DateTimeOffset.UtcNow + PollGrain.ClosingSoonLead + TimeSpan.FromSeconds(3);
        var poll = env.Grains.GetGrain<IPollGrain>(PollIds.For(fx.ClassChat, fx.Teacher, "p1"));
        var view = await poll.CreateAsync(fx.Teacher, fx.ClassChat, "p1", new PollDraft("Куда поедем?", ["В музей", "В театр"], false, false, deadline));
        await poll.VoteAsync(fx.Classmate, [0], null);

        // The reminder (stored in PostgreSQL) fires three seconds from now.
        var closing = Assert.Single(await WaitForAsync(fx.Student, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal((NotificationKind.PollClosing, view.Seq), (closing.Kind, closing.Seq));
        Assert.Equal("Опрос скоро закроется: «Куда поедем?»", closing.Text); // GrainTexts.resx, Notice.PollClosing

        // The classmate who voted and the author get nothing: the marker is all the classmate has.
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m", "@Макарова спасибо", null, Mentions: [fx.Classmate]));
        Assert.Equal(NotificationKind.Mention, Assert.Single(await WaitForAsync(fx.Classmate, 1)).Kind);
        Assert.Empty((await Centre(fx.Teacher).ListAsync(fx.Teacher)).Items);
    }

    [Fact]
    public async Task A_meeting_notice_reaches_members_but_not_the_host_or_outsiders_named_in_it()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var meetingId = Guid.NewGuid();
        await Chat(fx.ClassChat).NotifyMembersAsync(new ChatNotice(NotificationKind.MeetingStarted, fx.Teacher, "Васильева", "Урок «Дроби» — идёт сейчас",
            MeetingId: meetingId, Recipients: [fx.Student, fx.Teacher, fx.OtherClassStudent]));
        // A kind that belongs to a post cannot be forged through a notice.
        await Chat(fx.ClassChat).NotifyMembersAsync(new ChatNotice(NotificationKind.Mention, fx.Teacher, "Васильева", "Поддельное", Recipients: [fx.Classmate]));
        await Chat(fx.ClassChat).NotifyMembersAsync(new ChatNotice(NotificationKind.MeetingStarted, fx.Teacher, "Васильева", "Урок", MeetingId: meetingId,
            Recipients: [fx.Classmate]));

        var started = Assert.Single(await WaitForAsync(fx.Student, 1));
        Assert.Equal((NotificationKind.MeetingStarted, meetingId), (started.Kind, started.MeetingId));
        Assert.Equal(NotificationKind.MeetingStarted, Assert.Single(await WaitForAsync(fx.Classmate, 1)).Kind);
        Assert.Empty((await Centre(fx.Teacher).ListAsync(fx.Teacher)).Items);
        Assert.Empty((await Centre(fx.OtherClassStudent).ListAsync(fx.OtherClassStudent)).Items);
    }

    [Fact]
    public async Task An_approved_invitation_tells_the_person_who_joined()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classId = (await env.Grains.GetGrain<IUserGrain>(fx.Teacher).GetClassIdsAsync()).Single();
        var created = await env.Grains.GetGrain<IInvitationGrain>(Guid.NewGuid()).CreateAsync(fx.Student,
            new InvitationDraft(InvitationTarget.ParentsChat, classId, null, InvitationRole.Parent, "S000001", MaxUses: 2));
        var grandma = await new RosterFixtures(env).SignInAsync(TrustLevel.Standard, TestSnils.Next(), "Бабушкина");
        var invitation = env.Grains.GetGrain<IInvitationGrain>(created.InvitationId);
        await invitation.RedeemAsync(new InvitationAttempt(grandma, created.Token, "addr-" + grandma));
        await invitation.DecideAsync(fx.Teacher, grandma, true);

        var approved = Assert.Single(await WaitForAsync(grandma, 1));
        Assert.Equal((NotificationKind.InvitationApproved, fx.ParentsChat), (approved.Kind, approved.ChatId));
        Assert.StartsWith("Ваша заявка одобрена: вы в «", approved.Text); // GrainTexts.resx, Notice.InvitationApproved
        Assert.Contains("1А", approved.Text);
    }

    [Fact]
    public async Task During_quiet_hours_a_pupils_notification_is_kept_but_not_pushed_live_and_a_direct_message_is_pushed_not_kept()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var school = env.Grains.GetGrain<ISchoolGrain>(fx.SchoolId);
        var zone = await school.GetQuietHoursAsync();
        var local = zone.Local(DateTimeOffset.UtcNow);
        var minute = local.Hour * 60 + local.Minute;
        await school.SetChatPolicyAsync(fx.AdminId, (await school.GetChatPolicyAsync()) with
        {
            QuietHoursOff = false, QuietStartMinute = (minute + 1440 - 60) % 1440, QuietEndMinute = (minute + 60) % 1440,
        });

        var pushes = new ConcurrentQueue<NotificationPush>();
        var feed = new RecordingFeed(pushes);
        var reference = env.Cluster.Client.CreateObjectReference<INotificationFeed>(feed);
        await Centre(fx.Student).WatchAsync(reference);
        await Centre(fx.Teacher).WatchAsync(reference);

        await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("m", "@Васильева", null, Mentions: [fx.Student]));
        var mine = await Chat(fx.ClassChat).SendAsync(fx.Teacher, new SendMessage("t", "Проверю завтра", null));
        await Chat(fx.ClassChat).SendAsync(fx.Student, new SendMessage("r", "Хорошо", mine.Seq));
        var direct = await env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId).OpenDirectAsync(fx.Student, fx.Teacher);
        await Chat(direct).SendAsync(fx.Student, new SendMessage("d", "Можно спросить?", null));

        await Until(() => pushes.Count >= 3);
        var forStudent = Assert.Single(pushes, p => p.UserId == fx.Student);
        Assert.Equal((NotificationKind.Mention, false, 1), (forStudent.Notification!.Kind, forStudent.Live, forStudent.Unread));
        // The teacher is no pupil: quiet hours do not hold for him; a direct message pings but is not kept.
        var forTeacher = pushes.Where(p => p.UserId == fx.Teacher).ToList();
        Assert.All(forTeacher, p => Assert.True(p.Live));
        Assert.Equal([NotificationKind.Reply, NotificationKind.DirectMessage], forTeacher.Select(p => p.Notification!.Kind).Order());
        Assert.Equal(NotificationKind.Reply, Assert.Single((await Centre(fx.Teacher).ListAsync(fx.Teacher)).Items).Kind);
        Assert.Equal(NotificationKind.Mention, Assert.Single((await Centre(fx.Student).ListAsync(fx.Student)).Items).Kind);
        env.Cluster.Client.DeleteObjectReference<INotificationFeed>(reference);
    }

    /// <summary>The person's centre once it holds at least <paramref name="count"/> notifications (newest first).</summary>
    private async Task<IReadOnlyList<Notification>> WaitForAsync(Guid userId, int count, TimeSpan? within = null)
    {
        IReadOnlyList<Notification> items = [];
        await Until(async () => (items = (await Centre(userId).ListAsync(userId)).Items).Count >= count, within);
        return items;
    }

    private static Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    private static async Task Until(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var end = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < end, "The notification did not arrive in time.");
            await Task.Delay(50);
        }
    }

    private sealed class RecordingFeed(ConcurrentQueue<NotificationPush> pushes) : INotificationFeed
    {
        public Task PushAsync(NotificationPush push)
        {
            pushes.Enqueue(push);
            return Task.CompletedTask;
        }
    }
}
