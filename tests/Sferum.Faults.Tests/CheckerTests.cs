using Sferum.Chats;

namespace Sferum.Faults.Tests;

/// <summary>
/// The checker must catch each way a chat can break its promise; each test hands it a history with exactly one such
/// break (or none) and expects exactly that rule.
/// </summary>
public sealed class CheckerTests
{
    private static readonly Guid Chat = Guid.NewGuid();
    private static readonly Guid OtherChat = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Boris = Guid.NewGuid();

    [Fact]
    public void A_consistent_history_passes()
    {
        var run = new Run().Sent(0, Anna, "a1", 1).Sent(1, Boris, "b1", 2).Sent(0, Anna, "a2", 3);

        var verdict = run.Check();

        Assert.True(verdict.Passed, string.Join("; ", verdict.Violations));
        Assert.Equal(3, verdict.Acked);
        Assert.Equal(6, verdict.EntriesChecked);
    }

    [Fact]
    public void An_acknowledged_message_missing_from_the_database_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1);
        run.Stored.Clear();

        Assert.Contains(run.Check().Violations, v => v.Rule == "acked-not-stored");
    }

    [Fact]
    public void An_acknowledgement_naming_another_message_s_place_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1).Sent(1, Boris, "b1", 2);
        run.Attempts.Add(new SendAttempt(0, Chat, "a1", 9, 9, 9.1, AttemptOutcome.Acked, 2, null));

        var rules = run.Check().Violations.Select(v => v.Rule).ToList();

        Assert.Contains("acked-not-stored", rules);
        Assert.Contains("acked-twice", rules);
    }

    [Fact]
    public void A_message_stored_after_every_attempt_said_not_saved_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1);
        run.Attempts.Clear();
        run.Attempts.Add(new SendAttempt(0, Chat, "a1", 1, 1, 1.1, AttemptOutcome.Refused, 0, "message.not-saved: …"));

        Assert.Equal(["refused-but-stored"], run.Check().Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_message_stored_after_an_unanswered_attempt_is_no_contradiction()
    {
        var run = new Run().Sent(0, Anna, "a1", 1);
        run.Attempts.Clear();
        run.Attempts.Add(new SendAttempt(0, Chat, "a1", 1, 1, 16, AttemptOutcome.Unknown, 0, "timed out"));

        Assert.True(run.Check().Passed);
    }

    [Fact]
    public void One_client_id_stored_twice_and_seen_twice_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1).Sent(0, Anna, "a1", 2);

        var rules = run.Check().Violations.Select(v => v.Rule).ToList();

        Assert.Contains("stored-twice", rules);
        Assert.Contains("duplicate-in-view", rules);
    }

    [Fact]
    public void A_view_holding_another_message_at_a_sequence_number_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1).Sent(1, Boris, "b1", 2);
        run.Stored[1] = run.Stored[1] with { ClientId = "b9" };
        run.Attempts.Add(new SendAttempt(1, Chat, "b9", 3, 3, 3.1, AttemptOutcome.Acked, 2, null));
        run.Attempts.RemoveAll(a => a.ClientId == "b1");

        Assert.Equal(["order", "order"], run.Check().Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_member_still_in_the_chat_without_its_last_message_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1);
        run.Stored.Add(new StoredEvent(Chat, 2, Boris, "b1"));
        run.Attempts.Add(new SendAttempt(1, Chat, "b1", 2, 2, 2.1, AttemptOutcome.Acked, 2, null));

        var violations = run.Check().Violations;

        Assert.Equal(2, violations.Count(v => v.Rule == "missing"));
    }

    [Fact]
    public void A_hole_left_in_a_view_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1).Sent(0, Anna, "a2", 2).Sent(0, Anna, "a3", 3);
        var holed = new ChatView(Chat, 0);
        holed.Apply(Event(1, Anna, "a1"), 1, 1);
        holed.Apply(Event(3, Anna, "a3"), 3, 1);
        run.Members[1] = run.Members[1] with { Views = [holed] };

        var rules = run.Check().Violations.Select(v => v.Rule).ToList();

        Assert.Contains("gap", rules);
        Assert.Contains("missing", rules);
    }

    [Fact]
    public void A_removed_member_seeing_what_was_sent_after_the_removal_is_caught()
    {
        var run = new Run().Sent(0, Anna, "a1", 1).Sent(0, Anna, "a2", 2);
        run.Moves.Add(new Move(1, Boris, Chat, OtherChat, 1.5, 1.8));
        run.Members[1] = run.Members[1] with { CurrentChat = OtherChat };

        var violations = run.Check().Violations;

        // a1 was sent at 1 s, before the move: Boris may have it. a2 at 2 s, after it: he must not.
        var seen = Assert.Single(violations);
        Assert.Equal("seen-after-removal", seen.Rule);
        Assert.Contains("seq 2", seen.Detail);
    }

    [Fact]
    public void A_removed_member_need_not_have_the_chat_s_later_messages()
    {
        var run = new Run().Sent(0, Anna, "a1", 1);
        run.Moves.Add(new Move(1, Boris, Chat, OtherChat, 1.5, 1.8));
        run.Members[1] = run.Members[1] with { CurrentChat = OtherChat };
        run.Stored.Add(new StoredEvent(Chat, 2, Anna, "a2"));
        run.Attempts.Add(new SendAttempt(0, Chat, "a2", 2, 2, 2.1, AttemptOutcome.Acked, 2, null));
        run.Members[0].Views[0].Apply(Event(2, Anna, "a2"), 2.1, 1);

        Assert.True(run.Check().Passed, string.Join("; ", run.Check().Violations));
    }

    [Fact]
    public void The_same_event_twice_on_one_connection_is_reported_but_not_across_a_reconnect()
    {
        var view = new ChatView(Chat, 0);
        Assert.Null(view.Apply(Event(1, Anna, "a1"), 1, 1));
        Assert.Null(view.Apply(Event(2, Anna, "a2"), 2, 1));
        Assert.NotNull(view.Apply(Event(1, Anna, "a1"), 3, 1));
        Assert.Null(view.Apply(Event(2, Anna, "a2"), 4, 2));
        Assert.Equal([1L, 2L], view.Entries.Select(e => e.Seq));

        var run = new Run().Sent(0, Anna, "a1", 1);
        run.Repeats.Add("member 1: chat: seq 1 arrived live after seq 2 on the same connection");
        Assert.Equal(["repeated-on-connection"], run.Check().Violations.Select(v => v.Rule));
    }

    [Fact]
    public void A_view_applies_events_in_sequence_order_whatever_order_they_arrive_in()
    {
        var view = new ChatView(Chat, 0);
        view.Apply(Event(2, Anna, "a2"), 1, 1);
        Assert.True(view.NeedsCatchup);
        view.Apply(Event(1, Anna, "a1"), 2, -1);

        Assert.False(view.NeedsCatchup);
        Assert.Equal([1L, 2L], view.Entries.Select(e => e.Seq));
        Assert.All(view.Entries, e => Assert.Equal(2, e.At));
    }

    private static ChatEvent Event(long seq, Guid author, string clientId) =>
        new(Chat, seq, ChatEventType.Posted,
            new ChatMessage(Chat, seq, author, "-", $"f:{clientId}", null, DateTimeOffset.UnixEpoch, null, false, clientId,
                new Dictionary<string, IReadOnlyList<Guid>>()), []);

    /// <summary>Two members of one chat (0 is Anna, 1 is Boris) who both saw everything sent, and the database agreeing.</summary>
    [Fact]
    public void A_standby_copy_that_lacks_a_row_or_has_an_extra_one_is_caught()
    {
        var a1 = new StoredEvent(Chat, 1, Anna, "a1");
        var b1 = new StoredEvent(Chat, 2, Boris, "b1");
        var other = new StoredEvent(OtherChat, 1, Boris, "x");

        Assert.Empty(Checker.CompareStandby([a1, b1], [b1, a1]));
        var missing = Assert.Single(Checker.CompareStandby([a1, b1], [a1]));
        Assert.Equal("standby-differs", missing.Rule);
        Assert.Contains("not on the standby", missing.Detail);
        Assert.Contains(Checker.CompareStandby([a1], [a1, other]), v => v.Detail.Contains("only on the standby"));
    }

    [Theory]
    [InlineData("An unexpected error occurred invoking 'Send' on the server. HubException: message.not-saved: Сообщение не сохранено", "message.not-saved")]
    [InlineData("An unexpected error occurred invoking 'Send' on the server. HubException: message.unconfirmed: Не удалось", "message.unconfirmed")]
    [InlineData("The operation was canceled.", "The operation was canceled.")]
    public void What_a_failed_attempt_was_told_is_read_as_its_error_code(string error, string code) =>
        Assert.Equal(code, FaultFigures.ErrorCode(error));

    private sealed class Run
    {
        public List<StoredEvent> Stored { get; } = [];

        public List<SendAttempt> Attempts { get; } = [];

        public List<MemberViews> Members { get; } = [new(0, Anna, Chat, [new ChatView(Chat, 0)]), new(1, Boris, Chat, [new ChatView(Chat, 0)])];

        public List<Move> Moves { get; } = [];

        public List<string> Repeats { get; } = [];

        /// <summary>Member <paramref name="member"/> sent a message at <paramref name="seq"/> seconds, acknowledged as that seq.</summary>
        public Run Sent(int member, Guid author, string clientId, long seq)
        {
            Stored.Add(new StoredEvent(Chat, seq, author, clientId));
            Attempts.Add(new SendAttempt(member, Chat, clientId, seq, seq, seq + 0.1, AttemptOutcome.Acked, seq, null));
            foreach (var m in Members)
            {
                m.Views[0].Apply(Event(seq, author, clientId), seq + 0.2, 1);
            }

            return this;
        }

        public Verdict Check() => Checker.Check(Stored, Attempts, Members, Moves, Repeats);
    }
}
