using Sferum.Bench;
using Sferum.Local;

namespace Sferum.Faults;

/// <summary>
/// Injects the four faults, round after round, while the load runs, and moves students between classes through the
/// journal meanwhile (so that removals happen while processes die). Each fault is undone as an operator's supervisor
/// would: the process started again on its ports, the database started again, the paused silo let go (it finds itself
/// declared dead and stops, and is started again).
/// </summary>
public sealed class FaultRun(
    FaultCluster cluster, IClusterClient grains, BenchSchool school, IReadOnlyList<SimMember> members, History history, FaultOptions o)
{
    public static readonly string[] Kinds = ["silo-kill", "web-kill", "db-stop", "silo-pause"];

    /// <summary>
    /// The rolling upgrade (not a fault, but run and checked the same way): every silo in turn stopped gracefully and
    /// started from NEW_BUILD, then every web node in turn restarted gracefully.
    /// </summary>
    public const string RollingUpgrade = "rolling-upgrade";

    /// <summary>Every kind the harness knows: the fault test's four, the HA test's two (DatabaseFaults), the rolling upgrade.</summary>
    public static readonly string[] AllKinds = [.. Kinds, .. DatabaseFaults.Kinds, RollingUpgrade];
    private readonly Random random = new(11);

    // Each student moves at most once: the checker's "after removal" rule then reads one departure per member.
    private readonly HashSet<int> moved = [];

    public async Task RunAsync()
    {
        for (var round = 0; round < o.Rounds; round++)
        {
            foreach (var kind in o.Faults)
            {
                // Students move while a silo or a web node is down: the journal does not wait for a quiet moment.
                var moving = kind is "silo-kill" or "web-kill" ? MoveStudentsAsync(kind == "silo-kill" ? (o.Moves + 1) / 2 : o.Moves / 2) : Task.CompletedTask;
                var window = await InjectAsync(kind, round);
                history.Faults.Enqueue(window);
                Console.WriteLine($"[fault] {window.Kind} {window.Target}: injected at {window.Injected:F1} s, undone at {window.Restored:F1} s");
                await moving;
                await Task.Delay(TimeSpan.FromSeconds(o.Settle));
            }
        }
    }

    private async Task<FaultWindow> InjectAsync(string kind, int round)
    {
        switch (kind)
        {
            case "silo-kill":
            {
                var i = round % cluster.SiloCount;
                var injected = history.Now;
                await cluster.KillSiloAsync(i);
                await Task.Delay(TimeSpan.FromSeconds(o.Down));
                await cluster.StartSiloAsync(i);
                return new FaultWindow(kind, $"silo {i}", injected, history.Now);
            }

            case "web-kill":
            {
                var i = round % cluster.WebCount;
                var injected = history.Now;
                await cluster.KillWebAsync(i);
                await Task.Delay(TimeSpan.FromSeconds(o.Down));
                await cluster.StartWebAsync(i);
                return new FaultWindow(kind, $"web {i}", injected, history.Now);
            }

            case "db-stop":
            {
                var server = cluster.Database.Server!;
                var injected = history.Now;
                await server.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(o.DbOutage));
                await server.StartAgainAsync();
                return new FaultWindow(kind, "postgresql", injected, history.Now);
            }

            case RollingUpgrade:
            {
                Console.WriteLine($"[upgrade] silos run {string.Join(", ", await SiloBuilds.ReadAsync(grains))}");
                var injected = history.Now;
                for (var i = 0; i < cluster.SiloCount; i++)
                {
                    var step = history.Now;
                    await cluster.ReplaceSiloAsync(i, o.NewBuild);
                    Console.WriteLine($"[upgrade] silo {i} replaced by {(o.NewBuild is null ? "the same build" : o.NewBuild)} in {history.Now - step:F1} s");
                    await Task.Delay(TimeSpan.FromSeconds(o.Settle / 4));
                }

                for (var i = 0; i < cluster.WebCount; i++)
                {
                    var step = history.Now;
                    await cluster.RestartWebAsync(i);
                    Console.WriteLine($"[upgrade] web node {i} restarted in {history.Now - step:F1} s");
                    await Task.Delay(TimeSpan.FromSeconds(o.Settle / 4));
                }

                var restored = history.Now;
                Console.WriteLine($"[upgrade] silos run {string.Join(", ", await SiloBuilds.ReadAsync(grains))}");
                return new FaultWindow(kind, "every silo, then every web node", injected, restored);
            }

            case "db-failover" or "db-node-loss":
                return await new DatabaseFaults(cluster.Database.Pair!, history, o).InjectAsync(kind);

            default:
            {
                var i = (round + 1) % cluster.SiloCount;
                var injected = history.Now;
                cluster.Silo(i).Pause();
                await Task.Delay(TimeSpan.FromSeconds(o.Pause));
                cluster.Silo(i).Resume();
                // Declared dead while it was frozen, it learns so from the membership table and stops itself.
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await cluster.Silo(i).WaitForExitAsync(wait.Token);
                    await cluster.StartSiloAsync(i);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine($"[fault] silo {i} still runs 60 s after it was resumed (it was not declared dead)");
                }

                return new FaultWindow(kind, $"silo {i}", injected, history.Now);
            }
        }
    }

    /// <summary>Moves students to the next class, one after another, each import retried as a journal would retry a push.</summary>
    private async Task MoveStudentsAsync(int count)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        for (var n = 0; n < count; n++)
        {
            var chats = members.Select(m => m.ChatId).Distinct().Order().ToList();
            var candidates = members.Where(m => !moved.Contains(m.Index) && members.Count(x => x.ChatId == m.ChatId) > 2).ToList();
            var member = candidates[random.Next(candidates.Count)];
            moved.Add(member.Index);
            var to = chats[(chats.IndexOf(member.ChatId) + 1) % chats.Count];
            var start = history.Now;
            await Retry("move", async () =>
            {
                var from = await school.MoveAsync(member.UserId, to);
                history.Moves.Enqueue(new Move(member.Index, member.UserId, from, to, start, history.Now));
            });
            // The student's page finds the new class in the chat list and opens it.
            await Retry("open", () => member.JoinAsync(to));
            Console.WriteLine($"[move] member {member.Index} moved to another class in {history.Now - start:F1} s");
        }
    }

    // As a journal retries a push, and a page a request, until it goes through.
    private static async Task Retry(string what, Func<Task> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception ex) when (attempt < 30)
            {
                Console.WriteLine($"[move] {what}: attempt {attempt} failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }
}
