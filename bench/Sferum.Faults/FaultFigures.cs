namespace Sferum.Faults;

/// <summary>What one fault cost the people using the chats.</summary>
/// <param name="Written">Messages written while the fault lasted and until the next one.</param>
/// <param name="Acked">Of those, acknowledged (after retries) by the end.</param>
/// <param name="Dropped">Of those, refused for good because the writer had left the chat (moved by the journal).</param>
/// <param name="Refused">Attempts answered «not saved» in that time (each retried).</param>
/// <param name="Unanswered">
/// Attempts with no answer (connection lost, timed out) or answered «could not confirm» (message.unconfirmed) in that
/// time (each retried with the same client id).
/// </param>
/// <param name="UnavailableSeconds">
/// The longest any message written during the fault (and in the 10 s after it was undone) waited for its
/// acknowledgement, retries included: how long sending was unavailable to the unluckiest person.
/// </param>
/// <param name="CatchUpSeconds">
/// From the moment sending worked again everywhere (injection + <paramref name="UnavailableSeconds"/>) until every
/// member had every message acknowledged until then (null: someone never had them before the run ended).
/// </param>
/// <param name="Errors">What the failed attempts in that time were told, by error code (message.not-saved, …) or exception.</param>
public sealed record FaultFigures(
    string Kind, string Target, double Injected, double Restored, int Written, int Acked, int Dropped, int Refused, int Unanswered,
    double? UnavailableSeconds, double? CatchUpSeconds, IReadOnlyDictionary<string, int> Errors)
{
    private const double AfterRestore = 10;

    public static FaultFigures Measure(
        FaultWindow fault, double windowEnd, IReadOnlyCollection<SendAttempt> attempts, IReadOnlyCollection<MemberViews> members,
        IReadOnlyCollection<Move> moves)
    {
        var messages = attempts.GroupBy(a => (a.ChatId, a.ClientId))
            .Select(g => (g.Key.ChatId, First: g.Min(a => a.Written), Ack: g.Where(a => a.Outcome == AttemptOutcome.Acked).Select(a => (double?)a.End).Min(),
                Seq: g.Where(a => a.Outcome == AttemptOutcome.Acked).Select(a => a.Seq).FirstOrDefault(),
                Dropped: g.Any(a => a.Outcome == AttemptOutcome.Refused && a.Error?.Contains("forbidden:", StringComparison.Ordinal) == true)))
            .ToList();
        var inWindow = messages.Where(m => m.First >= fault.Injected && m.First < windowEnd).ToList();
        var duringFault = messages.Where(m => !m.Dropped && m.First >= fault.Injected && m.First < fault.Restored + AfterRestore).ToList();
        var waits = duringFault.Select(m => m.Ack - m.First).ToList();
        double? unavailable = waits.Count == 0 || waits.Any(w => w is null) ? null : Math.Round(waits.Max()!.Value, 2);

        double? catchUp = null;
        if (unavailable is { } u)
        {
            var resumed = fault.Injected + u;
            var targets = messages.Where(m => m.Ack <= resumed).GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Max(m => m.Seq));
            var movedNow = moves.Where(m => m.End >= fault.Injected && m.Start <= windowEnd).Select(m => m.Member).ToHashSet();
            var caughtUp = fault.Injected;
            foreach (var member in members.Where(m => !movedNow.Contains(m.Member)))
            {
                var view = member.Views.FirstOrDefault(v => v.ChatId == member.CurrentChat);
                if (view is null || !targets.TryGetValue(member.CurrentChat, out var target) || target <= view.StartAfter)
                {
                    continue;
                }

                var reached = view.Entries.FirstOrDefault(e => e.Seq >= target);
                if (reached is null)
                {
                    caughtUp = double.PositiveInfinity;
                    break;
                }

                caughtUp = Math.Max(caughtUp, reached.At);
            }

            catchUp = double.IsPositiveInfinity(caughtUp) ? null : Math.Round(Math.Max(0, caughtUp - resumed), 2);
        }

        var window = attempts.Where(a => a.Start >= fault.Injected && a.Start < windowEnd).ToList();
        return new FaultFigures(fault.Kind, fault.Target, Math.Round(fault.Injected, 2), Math.Round(fault.Restored, 2), inWindow.Count,
            inWindow.Count(m => m.Ack is not null), inWindow.Count(m => m.Dropped && m.Ack is null), window.Count(a => a.Outcome == AttemptOutcome.Refused),
            window.Count(a => a.Outcome == AttemptOutcome.Unknown), unavailable, catchUp,
            window.Where(a => a.Error is not null).GroupBy(a => ErrorCode(a.Error!)).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>"message.not-saved" out of "… HubException: message.not-saved: Сообщение не сохранено…"; else the exception's first words.</summary>
    public static string ErrorCode(string error)
    {
        var hub = error.IndexOf("HubException: ", StringComparison.Ordinal);
        var text = hub >= 0 ? error[(hub + "HubException: ".Length)..] : error;
        var colon = text.IndexOf(':');
        var code = (hub >= 0 && colon > 0 ? text[..colon] : text.Split('\n')[0]).Trim();
        return code.Length > 80 ? code[..80] : code;
    }
}
