using Sferum.Chats;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Polls;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Polls;

/// <summary>Polls against a real PostgreSQL: who votes, what is stored, what the teacher sees, and every refusal.</summary>
[Collection(GrainCollection.Name)]
public sealed class PollTests(GrainTestEnvironment env)
{
    private static readonly PollDraft Excursion = new("Едем на экскурсию в субботу?", ["Да", "Нет", "Пока не знаю"]);

    [Fact]
    public async Task A_named_poll_counts_changed_votes_and_shows_the_teacher_who_has_not_answered()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var (poll, created) = await CreateAsync(fx, fx.Teacher, Excursion);

        Assert.Equal(created.Seq, (await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).HistoryAsync(fx.Student, null, null, 5)).Messages
            .Single(m => m.PollId == created.PollId).Seq);
        await poll.VoteAsync(fx.Student, [1], null);
        await poll.VoteAsync(fx.Classmate, [0], null);
        var changed = await poll.VoteAsync(fx.Student, [0], null);

        Assert.Equal([2, 0, 0], changed.Poll.Options.Select(o => o.Votes));
        Assert.Equal(2, changed.Poll.Voters);
        Assert.Equal([0], changed.Poll.MyChoice!);
        Assert.Null(changed.Receipt);
        Assert.Contains(changed.Poll.Options[0].VoterNames!, n => n.StartsWith("Макарова", StringComparison.Ordinal));
        var silent = await poll.NonVotersAsync(fx.Teacher);
        Assert.DoesNotContain(silent, n => n.UserId == fx.Student || n.UserId == fx.Classmate || n.UserId == fx.Teacher);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => poll.NonVotersAsync(fx.Student))).Code);

        // Outsiders are refused before anything about the poll is told; after closing nobody votes.
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.OtherClassStudent, [0], null))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => poll.GetAsync(fx.OtherClassStudent))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => poll.CloseAsync(fx.Student))).Code);
        Assert.True((await poll.CloseAsync(fx.Teacher)).Closed);
        Assert.Equal("poll.closed", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.Classmate, [1], null))).Code);
        Assert.Equal([2, 0, 0], (await poll.GetAsync(fx.Student)).Options.Select(o => o.Votes));
    }

    [Fact]
    public async Task An_anonymous_poll_stores_no_voter_with_a_choice_and_only_the_receipt_changes_a_vote()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var (poll, created) = await CreateAsync(fx, fx.Teacher, Excursion with { Anonymous = true, Multiple = true });

        var first = await poll.VoteAsync(fx.Student, [0, 2], null);
        Assert.NotNull(first.Receipt);
        Assert.Equal("poll.already-voted", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.Student, [1], null))).Code);
        Assert.Equal("poll.receipt-unknown", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.Classmate, [1], "forged"))).Code);
        var changed = await poll.VoteAsync(fx.Student, [1], first.Receipt);

        Assert.Equal([0, 1, 0], changed.Poll.Options.Select(o => o.Votes));
        Assert.All(changed.Poll.Options, o => Assert.Null(o.VoterNames));
        Assert.True((await poll.GetAsync(fx.Student)).Voted);
        Assert.Null((await poll.GetAsync(fx.Student)).MyChoice);
        Assert.Equal("poll.anonymous", (await Assert.ThrowsAsync<DomainException>(() => poll.NonVotersAsync(fx.Teacher))).Code);

        // What the database holds: that the pupil voted, and a ballot with no user and no time — nothing joins them.
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM poll_votes WHERE poll_id = @p", created.PollId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM poll_voters WHERE poll_id = @p", created.PollId));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM poll_ballots WHERE poll_id = @p", created.PollId));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM information_schema.columns
            WHERE table_name = 'poll_ballots' AND column_name NOT IN ('poll_id', 'receipt_hash', 'options') AND @p IS NOT NULL
            """, created.PollId));
    }

    [Theory]
    [InlineData(0, "poll.options-too-few")]
    [InlineData(1, "poll.options-too-few")]
    [InlineData(100, "poll.options-too-many")]
    public async Task A_bad_poll_is_refused_with_its_rule_and_nothing_is_stored(int options, string code)
    {
        var fx = await ChatFixture.CreateAsync(env);
        var draft = Excursion with { Options = Enumerable.Range(1, options).Select(i => $"Вариант {i}").ToList() };

        var refused = await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx, fx.Teacher, draft));

        Assert.Equal(code, refused.Code);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM polls WHERE chat_id = @p", fx.ClassChat));
        Assert.Equal(0L, (await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).HistoryAsync(fx.Teacher, null, null, 5)).LastSeq);
    }

    [Fact]
    public async Task Other_bad_input_is_refused_a_retry_finds_the_same_poll_and_nobody_attaches_someone_elses_poll()
    {
        var fx = await ChatFixture.CreateAsync(env);
        foreach (var (draft, code) in new[]
                 {
                     (Excursion with { Options = ["Да", " да "] }, "poll.option-duplicate"),
                     (Excursion with { Question = "  " }, "poll.question-invalid"),
                     (Excursion with { Deadline = DateTimeOffset.UtcNow.AddMinutes(-1) }, "poll.deadline-past"),
                 })
        {
            Assert.Equal(code, (await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx, fx.Teacher, draft))).Code);
        }

        var (poll, created) = await CreateAsync(fx, fx.Teacher, Excursion, "same");
        var (_, again) = await CreateAsync(fx, fx.Teacher, Excursion, "same");
        Assert.Equal((created.PollId, created.Seq), (again.PollId, again.Seq));
        Assert.Equal(1L, (await env.Grains.GetGrain<IChatGrain>(fx.ClassChat).HistoryAsync(fx.Teacher, null, null, 5)).LastSeq);

        // A pupil cannot make a message show the teacher's poll, nor edit a poll's message.
        var chat = env.Grains.GetGrain<IChatGrain>(fx.ClassChat);
        Assert.Equal("poll.unknown", (await Assert.ThrowsAsync<DomainException>(() => chat.SendAsync(fx.Student, new SendMessage("x", "!", null, PollId: created.PollId)))).Code);
        Assert.Equal("poll.not-editable", (await Assert.ThrowsAsync<DomainException>(() => chat.EditAsync(fx.Teacher, created.Seq!.Value, "другой вопрос"))).Code);
        Assert.Equal("poll.vote-single", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.Student, [0, 1], null))).Code);
        Assert.Equal("poll.vote-invalid", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.Student, [7], null))).Code);
        Assert.Equal("poll.vote-empty", (await Assert.ThrowsAsync<DomainException>(() => poll.VoteAsync(fx.Student, [], null))).Code);
        Assert.Equal(0, (await poll.GetAsync(fx.Student)).Voters);
        // Pupils cannot post in the channel, so they cannot put a poll there either.
        var channel = await env.Grains.GetGrain<ISchoolChatsGrain>(fx.SchoolId).GetChannelAsync(fx.Student);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
            env.Grains.GetGrain<IPollGrain>(PollIds.For(channel, fx.Student, "c")).CreateAsync(fx.Student, channel, "c", Excursion))).Code);
    }

    [Fact]
    public async Task A_refusal_reaches_the_caller_with_its_resource_key_and_arguments()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var tooMany = Excursion with { Options = [.. Enumerable.Range(1, PollRules.MaxOptions + 1).Select(i => $"Вариант {i}")] };

        var refused = await Assert.ThrowsAsync<DomainException>(() => CreateAsync(fx, fx.Teacher, tooMany));
        var (poll, _) = await CreateAsync(fx, fx.Teacher, Excursion);
        var forbidden = await Assert.ThrowsAsync<DomainException>(() => poll.NonVotersAsync(fx.Student));

        Assert.Equal(("poll.options-too-many", "poll.options-too-many"), (refused.Code, refused.Key));
        Assert.Equal([$"{PollRules.MaxOptions}", $"{PollRules.MaxOptions + 1}"], refused.Args);
        Assert.Equal($"В опросе не больше {PollRules.MaxOptions} вариантов ответа (сейчас {PollRules.MaxOptions + 1}).", refused.Message);
        Assert.Equal(("forbidden", "poll.forbidden-pending"), (forbidden.Code, forbidden.Key));
    }

    private async Task<(IPollGrain Poll, PollView View)> CreateAsync(ChatFixture fx, Guid author, PollDraft draft, string? clientId = null)
    {
        clientId ??= Guid.NewGuid().ToString();
        var poll = env.Grains.GetGrain<IPollGrain>(PollIds.For(fx.ClassChat, author, clientId));
        return (poll, await poll.CreateAsync(author, fx.ClassChat, clientId, draft));
    }

    private Task<long> CountAsync(string sql, Guid id) => Sql.CountAsync(env.ConnectionString, sql, ("p", id));
}
