using Orleans.Runtime;
using System.Text;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Rosters;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Chats;

/// <summary>The chat grain against a real PostgreSQL: the log, its order, idempotency and who may do what.</summary>
[Collection(GrainCollection.Name)]
public sealed class ChatGrainTests(GrainTestEnvironment env)
{
    private IChatGrain Chat(Guid id) => env.Grains.GetGrain<IChatGrain>(id);

    private static SendMessage Text(string text) => new(Guid.NewGuid().ToString("N"), text, null);

    [Fact]
    public async Task Members_send_and_read_in_one_gapless_order()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);

        var first = await chat.SendAsync(fx.Teacher, Text("Завтра экскурсия в музей"));
        var reply = await chat.SendAsync(fx.Student, new SendMessage("c-1", "Во сколько сбор?", first.Seq));
        var page = await chat.HistoryAsync(fx.Student, null, null, 50);

        Assert.Equal([1L, 2L], page.Messages.Select(m => m.Seq));
        Assert.Equal(first.Seq, reply.ReplyTo);
        Assert.Equal("Завтра экскурсия в музей", page.Messages[0].Text);
        Assert.Equal(2, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_events WHERE chat_id = @c", ("c", fx.ClassChat)));
    }

    [Fact]
    public async Task Concurrent_senders_get_a_gapless_order_and_everything_is_committed()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ParentsChat);
        var senders = new[] { fx.Teacher, fx.Parent };

        var sends = senders.SelectMany(user => Enumerable.Range(0, 15).Select(i => chat.SendAsync(user, Text($"{user}:{i}")))).ToList();
        var acks = await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), acks.Select(a => a.Seq).Order());
        var stored = await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_messages WHERE chat_id = @c", ("c", fx.ParentsChat));
        Assert.Equal(30, stored);
        var catchup = await chat.CatchupAsync(fx.Parent, 0, 100);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), catchup.Select(e => e.Seq));
    }

    [Fact]
    public async Task A_retried_send_with_the_same_client_id_is_stored_once()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        var message = new SendMessage("retry-1", "Домашнее задание на стр. 12", null);

        var all = await Task.WhenAll(chat.SendAsync(fx.Teacher, message), chat.SendAsync(fx.Teacher, message));
        var later = await chat.SendAsync(fx.Teacher, message);

        Assert.Equal(all[0].Seq, all[1].Seq);
        Assert.Equal(all[0].Seq, later.Seq);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_events WHERE chat_id = @c", ("c", fx.ClassChat)));

        // A retry answered from memory must not hold up what comes after it.
        var next = await chat.SendAsync(fx.Teacher, Text("Следующее")).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(all[0].Seq + 1, next.Seq);
    }

    [Fact]
    public async Task A_retry_after_the_chat_was_reactivated_is_found_in_the_database_not_stored_twice()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var message = new SendMessage("offline-retry", "Сообщение из метро", null);
        var first = await Chat(fx.ClassChat).SendAsync(fx.Student, message);
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, Text("Между делом"));

        // The chat's activation (and its memory of recent client ids) goes away, as after a silo restart.
        await env.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var retried = await Chat(fx.ClassChat).SendAsync(fx.Student, message);
        var next = await Chat(fx.ClassChat).SendAsync(fx.Teacher, Text("Дальше"));

        Assert.Equal(first.Seq, retried.Seq);
        Assert.Equal(3, next.Seq);
        Assert.Equal(3, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_events WHERE chat_id = @c", ("c", fx.ClassChat)));
    }

    [Fact]
    public async Task Outsiders_other_classes_and_the_wrong_audience_are_refused_everything()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var outsider = await new RosterFixtures(env).SignInAsync(Sferum.Identity.TrustLevel.Confirmed, TestSnils.Next());
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, Text("Только для 1А"));

        var refused = new (Guid User, Guid Chat)[]
        {
            (outsider, fx.ClassChat),
            (fx.OtherClassStudent, fx.ClassChat),  // a student of 2А in 1А's chat
            (fx.Student, fx.ParentsChat),           // a student in the parents' chat
            (fx.Parent, fx.ClassChat),              // a parent in the students' chat
            (fx.Teacher, fx.OtherClassChat),        // a teacher of another class
        };
        foreach (var (user, chat) in refused)
        {
            var grain = Chat(chat);
            foreach (var call in new Func<Task>[]
            {
                () => grain.SendAsync(user, Text("привет")),
                () => grain.HistoryAsync(user, null, null, 10),
                () => grain.CatchupAsync(user, 0, 10),
                () => grain.MarkReadAsync(user, 1),
                () => grain.GetSummaryAsync(user),
                () => grain.EditAsync(user, 1, "x"),
                () => grain.ReactAsync(user, 1, "👍", true),
                () => grain.DeleteAsync(user, 1),
            })
            {
                Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(call)).Code);
            }

            Assert.False(await grain.IsMemberAsync(user));
        }

        var unknown = await Assert.ThrowsAsync<DomainException>(() => Chat(Guid.NewGuid()).SendAsync(fx.Teacher, Text("?")));
        Assert.Equal("chat.unknown", unknown.Code);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_events WHERE chat_id = @c", ("c", fx.ClassChat)));
    }

    [Fact]
    public async Task A_student_removed_from_the_class_can_no_longer_read_or_write()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        await chat.SendAsync(fx.Student, Text("Я здесь"));

        // The next export no longer has S000001 (nor the parent rows naming her).
        var files = fx.Files.Select(f => f.FileName is "students.csv" or "parents.csv"
            ? new ImportFile(f.FileName, Encoding.UTF8.GetBytes(string.Join("\r\n", Encoding.UTF8.GetString(f.Content).Split("\r\n").Where(l => !l.EndsWith(";S000001", StringComparison.Ordinal)))))
            : f).ToList();
        var imports = env.Grains.GetGrain<IRosterImportGrain>(fx.SchoolId);
        var preview = await imports.PreviewAsync(ImportRequester.User(fx.AdminId), files);
        await imports.ApplyAsync(ImportRequester.User(fx.AdminId), preview.ImportId);

        Assert.False(await chat.IsMemberAsync(fx.Student));
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chat.SendAsync(fx.Student, Text("А я?")))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chat.HistoryAsync(fx.Student, null, null, 10))).Code);
        // What she wrote stays in the history.
        Assert.Equal("Я здесь", (await chat.HistoryAsync(fx.Teacher, null, null, 10)).Messages.Single().Text);
    }

    [Fact]
    public async Task Only_the_author_edits_and_a_teacher_may_delete_which_erases_the_text_everywhere()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        var message = await chat.SendAsync(fx.Student, Text("Неудачная шутка"));

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chat.EditAsync(fx.Teacher, message.Seq, "x"))).Code);
        var edited = await chat.EditAsync(fx.Student, message.Seq, "Удачная шутка");
        Assert.Equal("Удачная шутка", edited.Text);
        Assert.NotNull(edited.EditedAt);

        var deleted = await chat.DeleteAsync(fx.Teacher, message.Seq);

        Assert.True(deleted.Deleted);
        Assert.Null((await chat.HistoryAsync(fx.Student, null, null, 10)).Messages.Single().Text);
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM chat_events WHERE chat_id = @c AND body LIKE '%шутка%'", ("c", fx.ClassChat)));
        Assert.Equal(3, (await chat.CatchupAsync(fx.Student, 0, 10)).Count);
    }

    [Theory]
    [InlineData("", "message.empty")]
    [InlineData("   ", "message.empty")]
    public async Task Empty_or_oversized_messages_are_refused_and_change_nothing(string text, string code)
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);

        Assert.Equal(code, (await Assert.ThrowsAsync<DomainException>(() => chat.SendAsync(fx.Teacher, Text(text)))).Code);
        Assert.Equal("message.too-long", (await Assert.ThrowsAsync<DomainException>(() => chat.SendAsync(fx.Teacher, Text(new string('я', 4001))))).Code);
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM chat_events WHERE chat_id = @c", ("c", fx.ClassChat)));
    }

    [Fact]
    public async Task Too_many_messages_in_a_burst_are_refused_with_a_clear_error()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        for (var i = 0; i < 20; i++)
        {
            await chat.SendAsync(fx.Student, Text($"спам {i}"));
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => chat.SendAsync(fx.Student, Text("ещё")));

        Assert.Equal("message.rate-limited", refused.Code);
        Assert.Contains("Подождите", refused.Message);
        Assert.Equal(21, (await chat.SendAsync(fx.Teacher, Text("Учитель пишет"))).Seq);
    }

    [Fact]
    public async Task Unread_counts_and_read_receipts_follow_what_members_read()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ParentsChat);
        await chat.SendAsync(fx.Teacher, Text("Собрание в четверг"));
        var second = await chat.SendAsync(fx.Teacher, Text("В 18:00, кабинет 12"));

        Assert.Equal(2, (await chat.GetSummaryAsync(fx.Parent)).Unread);
        Assert.Equal(0, (await chat.GetSummaryAsync(fx.Teacher)).Unread);
        Assert.Equal(new ReadReceipt(second.Seq, 0, 1), await chat.GetReceiptAsync(fx.Teacher, second.Seq));

        await chat.MarkReadAsync(fx.Parent, second.Seq);

        Assert.Equal(0, (await chat.GetSummaryAsync(fx.Parent)).Unread);
        Assert.Equal(new ReadReceipt(second.Seq, 1, 1), await chat.GetReceiptAsync(fx.Teacher, second.Seq));
    }

    [Fact]
    public async Task Reactions_are_toggled_per_user()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        var message = await chat.SendAsync(fx.Teacher, Text("Молодцы!"));

        await chat.ReactAsync(fx.Student, message.Seq, "👍", true);
        var after = await chat.ReactAsync(fx.Teacher, message.Seq, "👍", true);
        Assert.Equal(2, after.Reactions["👍"].Count);

        var removed = await chat.ReactAsync(fx.Student, message.Seq, "👍", false);
        Assert.Equal([fx.Teacher], removed.Reactions["👍"]);
        Assert.Equal("reaction.invalid", (await Assert.ThrowsAsync<DomainException>(() => chat.ReactAsync(fx.Student, message.Seq, "<script>", true))).Code);
    }

    [Fact]
    public async Task A_teacher_pins_and_a_student_may_not()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        var message = await chat.SendAsync(fx.Teacher, Text("Расписание на неделю"));

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => chat.PinAsync(fx.Student, message.Seq, true))).Code);
        Assert.True((await chat.PinAsync(fx.Teacher, message.Seq, true)).Pinned);
        Assert.Equal([message.Seq], (await chat.PinnedAsync(fx.Student)).Select(m => m.Seq));

        await chat.PinAsync(fx.Teacher, message.Seq, false);
        Assert.Empty(await chat.PinnedAsync(fx.Student));
    }

    [Fact]
    public async Task Search_finds_word_forms_in_the_users_own_chats_only()
    {
        var fx = await ChatFixture.CreateAsync(env);
        await Chat(fx.ClassChat).SendAsync(fx.Teacher, Text("Завтра идём на экскурсию в планетарий"));
        await Chat(fx.OtherClassChat).SendAsync(fx.OtherClassStudent, Text("У нас тоже экскурсия"));
        var search = env.Grains.GetGrain<IMessageSearchGrain>(0);

        var found = await search.SearchAsync(fx.Student, "экскурсии");
        var outsider = await new RosterFixtures(env).SignInAsync(Sferum.Identity.TrustLevel.Confirmed, TestSnils.Next());

        Assert.Equal("Завтра идём на экскурсию в планетарий", Assert.Single(found).Text);
        Assert.Empty(await search.SearchAsync(outsider, "экскурсия"));
        Assert.Equal("search.query-invalid", (await Assert.ThrowsAsync<DomainException>(() => search.SearchAsync(fx.Student, "э"))).Code);
    }

    [Fact]
    public async Task History_pages_in_both_directions()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var chat = Chat(fx.ClassChat);
        for (var i = 1; i <= 12; i++)
        {
            await chat.SendAsync(fx.Teacher, Text($"№{i}"));
        }

        var newest = await chat.HistoryAsync(fx.Student, null, null, 5);
        var older = await chat.HistoryAsync(fx.Student, newest.Messages[0].Seq, null, 5);
        var newer = await chat.HistoryAsync(fx.Student, null, 2, 5);

        Assert.Equal([8L, 9, 10, 11, 12], newest.Messages.Select(m => m.Seq));
        Assert.True(newest.HasMore);
        Assert.Equal([3L, 4, 5, 6, 7], older.Messages.Select(m => m.Seq));
        Assert.Equal([3L, 4, 5, 6, 7], newer.Messages.Select(m => m.Seq));
    }
}
