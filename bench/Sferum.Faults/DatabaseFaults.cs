using Sferum.Local.AutoFailover;

namespace Sferum.Faults;

/// <summary>
/// What the database pair went through in one HA fault, as pg_auto_failover's monitor reported it (seconds on the
/// harness clock, relative to the kill).
/// </summary>
/// <param name="SynchronousBefore">The standbys the primary waited for at commit just before the kill.</param>
/// <param name="PromotedAfter">Until the monitor reported the standby as the new primary.</param>
/// <param name="AloneSeconds">How long the new primary ran without a standby (the lost node dropped), or null.</param>
/// <param name="RejoinedAfter">
/// From starting the old node's keeper again (db-failover) or creating the replacement (db-node-loss, a base backup of
/// the primary included) until it was a healthy synchronous standby.
/// </param>
/// <param name="SynchronousAfter">The standbys the primary waits for once the pair is whole again.</param>
public sealed record FailoverRecord(
    string Kind, string OldPrimary, string NewPrimary, IReadOnlyList<string> SynchronousBefore, double PromotedAfter,
    double? AloneSeconds, string Rejoined, double RejoinedAfter, IReadOnlyList<string> SynchronousAfter);

/// <summary>
/// The HA test's two faults on a pg_auto_failover pair. <c>db-failover</c>: the primary's whole node is killed
/// (kill -9 of keeper, postmaster and backends), the standby is promoted, and the old node, started again after
/// DOWN seconds, rejoins as standby. <c>db-node-loss</c>: the primary's node is killed for good: dropped from the monitor,
/// the new primary runs alone for DOWN seconds, then a fresh node at the lost one's address is created from a base
/// backup and becomes the synchronous standby.
/// </summary>
public sealed class DatabaseFaults(AutoFailoverCluster pair, History history, FaultOptions o)
{
    public static readonly string[] Kinds = ["db-failover", "db-node-loss"];
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(120);

    public async Task<FaultWindow> InjectAsync(string kind)
    {
        var old = await pair.PrimaryAsync();
        var oldName = pair.NodeName(old);
        var synchronousBefore = await pair.SynchronousStandbysAsync();
        var injected = history.Now;
        await pair.CrashNodeAsync(old);
        var promoted = await WaitForNewPrimaryAsync(old);
        var promotedAfter = history.Now - injected;
        Console.WriteLine($"[db] {oldName} killed; {pair.NodeName(promoted)} primary after {promotedAfter:F1} s");

        double? alone = null;
        double rejoinFrom;
        if (kind == "db-node-loss")
        {
            await pair.DropNodeAsync(old);
            await pair.WaitForStatesAsync(StateTimeout, "single");
            var aloneFrom = history.Now;
            await Task.Delay(TimeSpan.FromSeconds(o.Down));
            alone = history.Now - aloneFrom;
            // The replacement is built from a base backup of the primary taken under load.
            rejoinFrom = history.Now;
            await pair.ReplaceNodeAsync(old);
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(o.Down));
            rejoinFrom = history.Now;
            pair.StartNode(old);
        }

        await pair.WaitForStatesAsync(StateTimeout, "primary", "secondary");
        var rejoinedAfter = history.Now - rejoinFrom;
        var synchronousAfter = await pair.SynchronousStandbysAsync();
        Console.WriteLine($"[db] {pair.NodeName(old)} standby again {rejoinedAfter:F1} s after it was started; synchronous: {string.Join(", ", synchronousAfter)}");
        history.Failovers.Enqueue(new FailoverRecord(kind, oldName, pair.NodeName(promoted), synchronousBefore, Math.Round(promotedAfter, 2),
            alone is { } a ? Math.Round(a, 2) : null, pair.NodeName(old), Math.Round(rejoinedAfter, 2), synchronousAfter));
        return new FaultWindow(kind, oldName, injected, history.Now);
    }

    /// <summary>Polls the monitor until a node other than <paramref name="old"/> reports that it takes writes.</summary>
    private async Task<int> WaitForNewPrimaryAsync(int old)
    {
        var deadline = DateTime.UtcNow + StateTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var states = await pair.StatesAsync();
            var promoted = states.FirstOrDefault(s => s.Name != pair.NodeName(old) && s.Reported is "primary" or "wait_primary" or "single");
            if (promoted is not null)
            {
                return Enumerable.Range(0, pair.NodeCount).Single(i => pair.NodeName(i) == promoted.Name);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No standby was promoted within {StateTimeout.TotalSeconds:F0} s of killing {pair.NodeName(old)}.");
    }
}
