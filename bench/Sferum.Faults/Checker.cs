namespace Sferum.Faults;

/// <summary>A row of <c>chat_events</c> as the database holds it at the end of the run.</summary>
public sealed record StoredEvent(Guid ChatId, long Seq, Guid AuthorId, string? ClientId);

/// <summary>What one simulated member ended with: its views of every chat it was in, and the chat it is in now.</summary>
public sealed record MemberViews(int Member, Guid UserId, Guid CurrentChat, IReadOnlyList<ChatView> Views);

/// <summary>One broken promise the checker found, named by its rule.</summary>
public sealed record Violation(string Rule, string Detail);

/// <summary>The checker's verdict and what it looked at.</summary>
public sealed record Verdict(IReadOnlyList<Violation> Violations, int Acked, int Stored, int Views, long EntriesChecked)
{
    public bool Passed => Violations.Count == 0;
}

/// <summary>
/// Reads a run's history against the database at its end, the way distributed databases are tested: the promise is
/// that an acknowledged message is never lost or duplicated, and that every member sees each chat in the same order.
/// Rules (each violation names its rule):
/// <list type="bullet">
/// <item><c>acked-not-stored</c>: an acknowledgement whose sequence number does not hold that message in the database.</item>
/// <item><c>acked-twice</c>: one client id acknowledged with two different sequence numbers.</item>
/// <item><c>refused-but-stored</c>: a message in the database although every attempt was answered «not saved».</item>
/// <item><c>stored-unsent</c> / <c>stored-twice</c>: a row no client sent, or one client id stored at two places.</item>
/// <item><c>order</c>: a member's view holds a different message at a sequence number than the database.</item>
/// <item><c>duplicate-in-view</c>: one message twice in a member's view; <c>repeated-on-connection</c>: an event
/// delivered twice live on one connection.</item>
/// <item><c>gap</c>: a view left with a hole it never filled; <c>missing</c>: a member still in the chat whose view
/// ends before the chat's last stored message.</item>
/// <item><c>seen-after-removal</c>: a member the journal moved out of a class saw a message of its chat that was sent
/// after the move had completed. (Joining is not checked the other way: a pupil who joins a class reads its past, by
/// design.)</item>
/// <item><c>standby-differs</c> (HA test, <see cref="CompareStandby"/>): the synchronous standby's copy of the log
/// lacks a row the primary has, or has one the primary lacks.</item>
/// </list>
/// </summary>
public static class Checker
{
    public static Verdict Check(
        IReadOnlyCollection<StoredEvent> stored, IReadOnlyCollection<SendAttempt> attempts, IReadOnlyCollection<MemberViews> members,
        IReadOnlyCollection<Move> moves, IReadOnlyCollection<string> repeatedOnConnection)
    {
        var violations = new List<Violation>();
        var byPlace = stored.ToDictionary(e => (e.ChatId, e.Seq));
        var lastStored = stored.GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Max(e => e.Seq));

        var storedByClient = new Dictionary<(Guid, string), StoredEvent>();
        foreach (var e in stored.Where(e => e.ClientId is not null))
        {
            if (!storedByClient.TryAdd((e.ChatId, e.ClientId!), e))
            {
                violations.Add(new("stored-twice", $"client id {e.ClientId} in chat {e.ChatId} at seq {storedByClient[(e.ChatId, e.ClientId!)].Seq} and {e.Seq}"));
            }
        }

        var attemptsByClient = attempts.GroupBy(a => (a.ChatId, a.ClientId)).ToDictionary(g => g.Key, g => g.ToList());
        var acked = 0;
        foreach (var ((chatId, clientId), tries) in attemptsByClient)
        {
            var acks = tries.Where(a => a.Outcome == AttemptOutcome.Acked).Select(a => a.Seq).Distinct().ToList();
            acked += acks.Count > 0 ? 1 : 0;
            if (acks.Count > 1)
            {
                violations.Add(new("acked-twice", $"client id {clientId} in chat {chatId} acknowledged as seq {string.Join(", ", acks)}"));
            }

            foreach (var seq in acks)
            {
                if (!byPlace.TryGetValue((chatId, seq), out var row) || row.ClientId != clientId)
                {
                    violations.Add(new("acked-not-stored", $"client id {clientId} acknowledged as seq {seq} of chat {chatId}, " +
                        $"which holds {row?.ClientId ?? "nothing"}"));
                }
            }

            if (acks.Count == 0 && storedByClient.TryGetValue((chatId, clientId), out var kept) && tries.All(a => a.Outcome == AttemptOutcome.Refused))
            {
                violations.Add(new("refused-but-stored", $"client id {clientId} stored as seq {kept.Seq} of chat {chatId} after {tries.Count} " +
                    $"attempt(s) all answered «not saved» ({tries[^1].Error})"));
            }
        }

        foreach (var e in stored.Where(e => e.ClientId is not null && !attemptsByClient.ContainsKey((e.ChatId, e.ClientId))))
        {
            violations.Add(new("stored-unsent", $"seq {e.Seq} of chat {e.ChatId} holds client id {e.ClientId}, which no client sent"));
        }

        foreach (var text in repeatedOnConnection)
        {
            violations.Add(new("repeated-on-connection", text));
        }

        var firstTry = attempts.GroupBy(a => (a.ChatId, a.ClientId)).ToDictionary(g => g.Key, g => g.Min(a => a.Start));
        long entries = 0;
        var views = 0;
        foreach (var member in members)
        {
            foreach (var view in member.Views)
            {
                views++;
                entries += view.Entries.Count;
                CheckView(member, view, byPlace, lastStored, violations);
            }
        }

        foreach (var move in moves)
        {
            var view = members.Single(m => m.Member == move.Member).Views.FirstOrDefault(v => v.ChatId == move.FromChat);
            foreach (var entry in view?.Entries ?? [])
            {
                if (entry.ClientId is not null && firstTry.TryGetValue((move.FromChat, entry.ClientId), out var sent) && sent > move.End)
                {
                    violations.Add(new("seen-after-removal", $"member {move.Member} saw seq {entry.Seq} of chat {move.FromChat}, first sent at " +
                        $"{sent:F2} s, after the journal moved them out at {move.End:F2} s ({(entry.Live ? "live" : "fetched")} at {entry.At:F2} s)"));
                }
            }
        }

        return new Verdict(violations, acked, stored.Count, views, entries);
    }

    /// <summary>The standby's copy of the chat log must hold exactly the primary's rows once it has replayed.</summary>
    public static IReadOnlyList<Violation> CompareStandby(IReadOnlyCollection<StoredEvent> primary, IReadOnlyCollection<StoredEvent> standby)
    {
        var onStandby = standby.ToHashSet();
        var onPrimary = primary.ToHashSet();
        return primary.Where(e => !onStandby.Contains(e)).Select(e => new Violation("standby-differs", $"seq {e.Seq} of chat {e.ChatId} is not on the standby"))
            .Concat(standby.Where(e => !onPrimary.Contains(e)).Select(e => new Violation("standby-differs", $"seq {e.Seq} of chat {e.ChatId} is only on the standby")))
            .ToList();
    }

    private static void CheckView(MemberViews member, ChatView view, Dictionary<(Guid, long), StoredEvent> byPlace,
        Dictionary<Guid, long> lastStored, List<Violation> violations)
    {
        var seen = new HashSet<string>();
        foreach (var entry in view.Entries)
        {
            if (!byPlace.TryGetValue((view.ChatId, entry.Seq), out var row) || row.ClientId != entry.ClientId || row.AuthorId != entry.AuthorId)
            {
                violations.Add(new("order", $"member {member.Member} has {entry.ClientId ?? "an event"} at seq {entry.Seq} of chat {view.ChatId}; " +
                    $"the database has {row?.ClientId ?? "nothing"}"));
            }

            if (entry.ClientId is not null && !seen.Add(entry.ClientId))
            {
                violations.Add(new("duplicate-in-view", $"member {member.Member} has {entry.ClientId} twice in chat {view.ChatId} (again at seq {entry.Seq})"));
            }
        }

        if (view.NeedsCatchup)
        {
            violations.Add(new("gap", $"member {member.Member} never filled the hole after seq {view.LastSeq} of chat {view.ChatId}"));
        }

        if (view.ChatId == member.CurrentChat && view.LastSeq < lastStored.GetValueOrDefault(view.ChatId))
        {
            violations.Add(new("missing", $"member {member.Member} ends chat {view.ChatId} at seq {view.LastSeq}; " +
                $"the database has up to {lastStored[view.ChatId]}"));
        }
    }
}
