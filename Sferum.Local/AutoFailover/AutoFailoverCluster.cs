using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sferum.Local.AutoFailover;

/// <summary>
/// A highly available PostgreSQL on this machine, run by pg_auto_failover (Debian <c>postgresql-15-auto-failover</c>):
/// a monitor and two data nodes, a primary with a synchronous standby, every server on 127.0.0.1 only. The HA fault
/// test and its CI version use it; docs/deploy.md describes the same set-up across machines. Nodes can be crashed
/// (the whole node killed at once), started again (it rejoins as standby), or replaced by a fresh one on the same
/// address, as an operator replaces a lost machine.
/// </summary>
public sealed class AutoFailoverCluster : IAsyncDisposable
{
    public const string Database = "sferum";
    private const string Formation = "default";
    private static readonly TimeSpan StateTimeout = TimeSpan.FromSeconds(90);
    private readonly AutoFailoverEnvironment environment;
    private readonly ILogger logger;
    private readonly Keeper?[] nodes;
    private readonly int[] nodePorts;
    private readonly int monitorPort;
    private readonly int[] generation;
    private Keeper? monitor;

    private AutoFailoverCluster(AutoFailoverEnvironment environment, int nodeCount, ILogger logger)
    {
        this.environment = environment;
        this.logger = logger;
        monitorPort = FreePorts.Next();
        nodePorts = Enumerable.Range(0, nodeCount).Select(_ => FreePorts.Next()).ToArray();
        nodes = new Keeper?[nodeCount];
        generation = new int[nodeCount];
    }

    /// <summary>
    /// What Sferum is given: both nodes, the primary wanted. A short connect timeout and a one-second recheck of a
    /// host's role let Npgsql find the new primary within a second of its promotion (by default it trusts a host's
    /// last known role for 10 s).
    /// </summary>
    public string ConnectionString => BuildConnectionString("primary");

    /// <summary>The standby only, to compare its copy with the primary's.</summary>
    public string StandbyConnectionString => BuildConnectionString("standby");

    public int NodeCount => nodes.Length;

    /// <summary>The node's name in the monitor: node1, node2; a replacement gets the next letter (node1b).</summary>
    public string NodeName(int i) => $"node{i + 1}{(generation[i] == 0 ? "" : (char)('a' + generation[i]))}";

    public string MonitorConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = monitorPort, Username = "postgres", Database = "pg_auto_failover", Timeout = 5,
    }.ConnectionString;

    /// <summary>Creates the monitor and the nodes (≈ 10 s), tunes failover, and waits for primary + secondary.</summary>
    public static async Task<AutoFailoverCluster> StartAsync(string rootDirectory, ILogger logger, int nodeCount = 2)
    {
        var environment = AutoFailoverEnvironment.Create(rootDirectory);
        var cluster = new AutoFailoverCluster(environment, nodeCount, logger);
        try
        {
            await cluster.CreateMonitorAsync();
            for (var i = 0; i < nodeCount; i++)
            {
                // A node's create waits for a primary to exist, so the first one runs before the next is created.
                await cluster.CreateNodeAsync(i);
            }

            await cluster.WaitForStatesAsync(StateTimeout, "primary", "secondary");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The monitor's view: each node's name, port, reported and assigned state, and health.</summary>
    public async Task<IReadOnlyList<NodeState>> StatesAsync()
    {
        await using var connection = await OpenMonitorAsync();
        await using var command = new NpgsqlCommand(
            "SELECT nodename, nodeport, reportedstate::text, goalstate::text, health FROM pgautofailover.node ORDER BY nodeid", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var states = new List<NodeState>();
        while (await reader.ReadAsync())
        {
            states.Add(new NodeState(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4) == 1));
        }

        return states;
    }

    /// <summary>The index of the node the monitor holds as primary (reported and assigned).</summary>
    public async Task<int> PrimaryAsync()
    {
        var primary = (await StatesAsync()).SingleOrDefault(s => s.Reported == "primary" && s.Assigned == "primary")
            ?? throw new InvalidOperationException("The monitor has no primary.");
        return Array.IndexOf(nodePorts, primary.Port);
    }

    /// <summary>The standbys the primary waits for at commit (pg_stat_replication rows in sync or quorum state).</summary>
    public async Task<IReadOnlyList<string>> SynchronousStandbysAsync()
    {
        // Not pooled: a pooled connection may predate a node's kill.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT application_name FROM pg_stat_replication WHERE sync_state IN ('sync', 'quorum') ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Kills node <paramref name="i"/>'s keeper, postmaster and every backend at once: the machine died.</summary>
    public async Task CrashNodeAsync(int i)
    {
        var node = nodes[i] ?? throw new InvalidOperationException($"{NodeName(i)} is not running.");
        nodes[i] = null;
        await node.CrashAsync();
        logger.LogInformation("{Node} crashed (kill -9 of keeper, postmaster and backends)", NodeName(i));
    }

    /// <summary>Starts a crashed node's keeper on its old data: it rejoins as standby (pg_rewind when needed).</summary>
    public void StartNode(int i)
    {
        if (nodes[i] is not null)
        {
            throw new InvalidOperationException($"{NodeName(i)} is already running.");
        }

        nodes[i] = Keeper.Start(environment, NodeDirectory(i));
    }

    /// <summary>Forgets a lost node in the monitor: the remaining primary stops waiting for it and runs alone.</summary>
    public async Task DropNodeAsync(int i)
    {
        if (nodes[i] is not null)
        {
            throw new InvalidOperationException($"{NodeName(i)} still runs; crash it first.");
        }

        await environment.RunCheckedAsync("pg_autoctl", [
            "drop", "node", "--monitor", MonitorUri, "--formation", Formation, "--name", NodeName(i), "--force",
        ]);
        logger.LogInformation("{Node} dropped from the monitor", NodeName(i));
    }

    /// <summary>A fresh machine at a dropped node's address: new data (a base backup of the primary), new name.</summary>
    public async Task ReplaceNodeAsync(int i)
    {
        var old = NodeDirectory(i);
        generation[i]++;
        await CreateNodeAsync(i);
        Directory.Delete(old, recursive: true);
    }

    /// <summary>Waits until the monitor shows exactly these reported states, all healthy, in any order.</summary>
    public async Task WaitForStatesAsync(TimeSpan timeout, params string[] states)
    {
        var wanted = states.Order().ToList();
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<NodeState> seen = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                seen = await StatesAsync();
                if (seen.All(s => s.Healthy && s.Reported == s.Assigned) && seen.Select(s => s.Reported).Order().SequenceEqual(wanted))
                {
                    return;
                }
            }
            catch (NpgsqlException)
            {
                // The monitor is starting; ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"pg_auto_failover did not reach {string.Join(" + ", states)} within {timeout.TotalSeconds:F0} s; " +
            $"monitor shows {string.Join(", ", seen)}");
    }

    /// <summary>Stops the nodes and the monitor gracefully (pg_autoctl stop), killing what does not stop in time.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = nodes.Select((n, i) => (n, Directory: NodeDirectory(i))).Where(x => x.n is not null).ToList();
        if (monitor is not null)
        {
            running.Add((monitor, MonitorDirectory));
        }

        foreach (var (keeper, directory) in running)
        {
            await environment.RunAsync("pg_autoctl", ["stop", "--pgdata", directory]);
            await keeper!.WaitOrCrashAsync(TimeSpan.FromSeconds(20));
        }

        Array.Clear(nodes);
        monitor = null;
    }

    /// <summary>Kills everything at once: the harness itself is being stopped (Ctrl-C).</summary>
    public void KillAll()
    {
        foreach (var keeper in nodes.Append(monitor).OfType<Keeper>())
        {
            keeper.Kill();
        }
    }

    /// <summary>Opens a connection to the monitor, waiting up to 30 s for its keeper to have started it.</summary>
    private async Task<NpgsqlConnection> OpenMonitorAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = new NpgsqlConnection(MonitorConnectionString);
            try
            {
                await connection.OpenAsync();
                return connection;
            }
            catch (NpgsqlException) when (attempt < 120)
            {
                await connection.DisposeAsync();
                await Task.Delay(250);
            }
        }
    }

    private string MonitorDirectory => Path.Combine(environment.Root, "monitor");

    private string MonitorUri => $"postgres://autoctl_node@127.0.0.1:{monitorPort}/pg_auto_failover?sslmode=disable";

    private string NodeDirectory(int i) => Path.Combine(environment.Root, NodeName(i));

    private string BuildConnectionString(string target) =>
        $"Host={string.Join(',', nodePorts.Select(p => $"127.0.0.1:{p}"))};Username=postgres;Database={Database};" +
        $"Target Session Attributes={target};Host Recheck Seconds=1;Timeout=3";

    private async Task CreateMonitorAsync()
    {
        await environment.InitializeDataAsync(MonitorDirectory);
        await environment.RunCheckedAsync("pg_autoctl", [
            "create", "monitor", "--pgdata", MonitorDirectory, "--pgport", $"{monitorPort}",
            "--hostname", "127.0.0.1", "--listen", "127.0.0.1", "--auth", "trust", "--no-ssl",
        ]);
        monitor = Keeper.Start(environment, MonitorDirectory);
        await TuneMonitorAsync();
        logger.LogInformation("pg_auto_failover monitor on 127.0.0.1:{Port}", monitorPort);
    }

    private async Task CreateNodeAsync(int i)
    {
        // The first node is initialised by us so that its settings (sockets, loopback, connections) are in place; the
        // others copy them with the base backup they are created from.
        if (nodes.All(n => n is null))
        {
            await environment.InitializeDataAsync(NodeDirectory(i));
        }

        await environment.RunCheckedAsync("pg_autoctl", [
            "create", "postgres", "--pgdata", NodeDirectory(i), "--pgport", $"{nodePorts[i]}", "--name", NodeName(i),
            "--hostname", "127.0.0.1", "--listen", "127.0.0.1", "--auth", "trust", "--no-ssl",
            "--monitor", MonitorUri, "--formation", Formation, "--dbname", Database,
        ]);
        // Below the monitor's demote timeout: a primary cut off from the monitor and its standby demotes itself before
        // the standby is promoted, so two primaries never take writes.
        await environment.RunCheckedAsync("pg_autoctl", ["config", "set", "--pgdata", NodeDirectory(i), "timeout.network_partition_timeout", "3"]);
        nodes[i] = Keeper.Start(environment, NodeDirectory(i));
        logger.LogInformation("{Node} created on 127.0.0.1:{Port}", NodeName(i), nodePorts[i]);
    }

    /// <summary>
    /// The monitor's failure detection, tuned from ../shared/notes/postgres-ha.md: a dead primary is noticed within
    /// about 3 s instead of 20, and failover finishes within about 10 s instead of 50 (measured in README → Reliability).
    /// </summary>
    private async Task TuneMonitorAsync()
    {
        await using var connection = await OpenMonitorAsync();
        foreach (var (name, milliseconds) in AutoFailoverTuning.Monitor)
        {
            // ALTER SYSTEM takes no parameters; names and values are our own constants.
            await using var set = new NpgsqlCommand($"ALTER SYSTEM SET pgautofailover.{name} = {milliseconds}", connection);
            await set.ExecuteNonQueryAsync();
        }

        await using var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection);
        await reload.ExecuteNonQueryAsync();
    }
}
