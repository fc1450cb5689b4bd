using System.Text.Json;

namespace Sferum.Faults;

/// <summary>The run's figures and the checker's verdict, printed as a table and written as JSON.</summary>
public sealed record FaultReport(
    FaultOptions Options, int Members, int Written, int Acked, int LiveCompleteMembers, Verdict Verdict, IReadOnlyList<FaultFigures> Faults,
    IReadOnlyList<FailoverRecord> Failovers)
{
    /// <summary>The targets of the issues: sending back within 10 s of a silo kill or a database failover, members caught up 10 s after that.</summary>
    public const double TargetSeconds = 10;

    public IEnumerable<string> TargetsMissed => Faults
        .Where(f => f.Kind is "silo-kill" or "db-failover" or "db-node-loss")
        .SelectMany(f => new[]
        {
            f.UnavailableSeconds is null or > TargetSeconds ? $"{f.Kind} {f.Target}: sending unavailable {Show(f.UnavailableSeconds)} s (target ≤ {TargetSeconds})" : null,
            f.CatchUpSeconds is null or > TargetSeconds ? $"{f.Kind} {f.Target}: caught up after {Show(f.CatchUpSeconds)} s (target ≤ {TargetSeconds})" : null,
        })
        .OfType<string>();

    public void Print(TextWriter w)
    {
        w.WriteLine();
        w.WriteLine($"{Members} members in {Options.Chats} chats, {Options.Rate} msg/s, {Options.Rounds} round(s): written {Written}, acknowledged {Acked}; " +
            $"{LiveCompleteMembers}/{Members} members had every message live, before any final catch-up");
        w.WriteLine();
        w.WriteLine("| fault | target | injected s | undone s | written | acked | dropped (writer left) | «not saved» | unanswered | unavailable s | caught up s |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var f in Faults)
        {
            w.WriteLine($"| {f.Kind} | {f.Target} | {f.Injected:F1} | {f.Restored:F1} | {f.Written} | {f.Acked} | {f.Dropped} | {f.Refused} | {f.Unanswered} | " +
                $"{Show(f.UnavailableSeconds)} | {Show(f.CatchUpSeconds)} |");
        }

        foreach (var f in Faults.Where(f => f.Errors.Count > 0))
        {
            w.WriteLine($"  told during {f.Kind} {f.Target}: {string.Join(", ", f.Errors.Select(e => $"{e.Key} ×{e.Value}"))}");
        }

        if (Failovers.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("| database fault | killed primary | synchronous standby before | promoted after s | ran alone s | rejoined | standby again after s | synchronous after |");
            w.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var f in Failovers)
            {
                w.WriteLine($"| {f.Kind} | {f.OldPrimary} | {string.Join(", ", f.SynchronousBefore)} | {f.PromotedAfter:F1} (→ {f.NewPrimary}) | " +
                    $"{(f.AloneSeconds is { } alone ? $"{alone:F1}" : "—")} | {f.Rejoined} | {f.RejoinedAfter:F1} | {string.Join(", ", f.SynchronousAfter)} |");
            }
        }

        w.WriteLine();
        w.WriteLine($"Checker: {(Verdict.Passed ? "PASSED" : "FAILED")} — {Verdict.Acked} acknowledged messages, {Verdict.Stored} stored events, " +
            $"{Verdict.Views} member views, {Verdict.EntriesChecked} view entries checked");
        foreach (var rule in Verdict.Violations.GroupBy(v => v.Rule))
        {
            w.WriteLine($"  {rule.Key}: {rule.Count()}");
            foreach (var v in rule.Take(5))
            {
                w.WriteLine($"    {v.Detail}");
            }
        }

        foreach (var missed in TargetsMissed)
        {
            w.WriteLine($"Target missed: {missed}");
        }
    }

    public void Write(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));

    private static string Show(double? seconds) => seconds is { } s ? s.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "never";
}
