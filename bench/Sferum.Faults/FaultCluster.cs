using Microsoft.Extensions.Logging;
using Sferum.Local;

namespace Sferum.Faults;

/// <summary>
/// The system under test on this one machine: a database (one private PostgreSQL, or a pg_auto_failover pair), three
/// silos and two web nodes, each a real process
/// on its own loopback ports, with the product's own settings (membership timings included). Processes can be killed,
/// paused and started again on the same ports, as an operator's supervisor would restart them.
/// </summary>
public sealed class FaultCluster : IAsyncDisposable
{
    public const string ClusterId = "faults";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly SolutionLayout layout = SolutionLayout.Locate();
    private readonly string dataDirectory;
    private readonly Action<string>? echo;
    private readonly (int Silo, int Gateway)[] siloPorts;
    private readonly int[] webPorts;
    private readonly ServiceProcess?[] silos;
    private readonly ServiceProcess?[] webs;

    private FaultCluster(string dataDirectory, FaultDatabase database, int siloCount, int webCount, Action<string>? echo)
    {
        this.dataDirectory = dataDirectory;
        this.echo = echo;
        Database = database;
        siloPorts = Enumerable.Range(0, siloCount).Select(_ => (FreePorts.Next(), FreePorts.Next())).ToArray();
        webPorts = Enumerable.Range(0, webCount).Select(_ => FreePorts.Next()).ToArray();
        silos = new ServiceProcess?[siloCount];
        webs = new ServiceProcess?[webCount];
    }

    public FaultDatabase Database { get; }

    public string ConnectionString => Database.ConnectionString;

    public IReadOnlyList<string> WebUrls => webPorts.Select(p => $"http://127.0.0.1:{p}").ToList();

    public int SiloCount => silos.Length;

    public int WebCount => webs.Length;

    public ServiceProcess Silo(int i) => silos[i] ?? throw new InvalidOperationException($"Silo {i} is not running.");

    public ServiceProcess Web(int i) => webs[i] ?? throw new InvalidOperationException($"Web node {i} is not running.");

    public static async Task<FaultCluster> StartAsync(
        string dataDirectory, string databaseKind, int siloCount, int webCount, ILogger logger, Action<string>? echo)
    {
        var database = await FaultDatabase.StartAsync(databaseKind, dataDirectory, logger);
        var cluster = new FaultCluster(dataDirectory, database, siloCount, webCount, echo);
        try
        {
            // The first silo migrates the schema; the others join once it is up.
            await cluster.StartSiloAsync(0);
            await Task.WhenAll(Enumerable.Range(1, siloCount - 1).Select(i => cluster.StartSiloAsync(i)));
            await Task.WhenAll(Enumerable.Range(0, webCount).Select(cluster.StartWebAsync));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts silo <paramref name="i"/> on its ports (from <paramref name="buildDirectory"/>, a new release, when given)
    /// and waits until the membership table has it Active.
    /// </summary>
    public async Task StartSiloAsync(int i, string? buildDirectory = null)
    {
        var (siloPort, gatewayPort) = siloPorts[i];
        silos[i] = SiloProcess.Start(layout, ConnectionString, ClusterId, siloPort, gatewayPort, ["--Logging:LogLevel:Default=Warning", $"--Sferum:Platform:Operators:0={SiloBuilds.OperatorSubject}"], echo,
            buildDirectory);
        await Membership.WaitForActiveSiloAsync(ConnectionString, ClusterId, siloPort, StartTimeout);
    }

    /// <summary>
    /// An operator's upgrade step: silo <paramref name="i"/> is stopped the way systemd stops it (SIGTERM: it leaves the
    /// cluster and hands its grains over) and started again from <paramref name="buildDirectory"/> on the same ports.
    /// </summary>
    public async Task ReplaceSiloAsync(int i, string? buildDirectory)
    {
        await Silo(i).StopAsync(TimeSpan.FromSeconds(60));
        await Silo(i).DisposeAsync();
        await StartSiloAsync(i, buildDirectory);
    }

    /// <summary>Web node <paramref name="i"/> stopped with SIGTERM (its people reconnect elsewhere) and started again.</summary>
    public async Task RestartWebAsync(int i)
    {
        await Web(i).StopAsync(TimeSpan.FromSeconds(30));
        await Web(i).DisposeAsync();
        await StartWebAsync(i);
    }

    /// <summary>Starts web node <paramref name="i"/> and waits until it is ready (a silo answers through it).</summary>
    public async Task StartWebAsync(int i)
    {
        // No identity provider runs: the simulated people carry session cookies, and a hub connection never starts
        // a sign-in. The authority is only configuration here.
        webs[i] = WebProcess.Start(layout, ConnectionString, ClusterId, webPorts[i], "http://127.0.0.1:9",
            [$"--Sferum:Files:Folder={Path.Combine(dataDirectory, "files")}", "--Logging:LogLevel:Default=Warning"], echo);
        await HttpWait.UntilOkAsync($"{WebUrls[i]}/health/ready", StartTimeout, webs[i]!, CancellationToken.None);
    }

    public async Task KillSiloAsync(int i)
    {
        Silo(i).Kill();
        await Silo(i).WaitForExitAsync();
    }

    public async Task KillWebAsync(int i)
    {
        Web(i).Kill();
        await Web(i).WaitForExitAsync();
    }

    /// <summary>Kills every process at once and stops the database: the harness itself is being stopped.</summary>
    public void KillAll()
    {
        foreach (var service in webs.Concat(silos).OfType<ServiceProcess>())
        {
            service.Kill();
        }

        Database.KillAll();
    }

    public async ValueTask DisposeAsync()
    {
        var services = webs.Concat(silos).OfType<ServiceProcess>().ToList();
        await Task.WhenAll(services.Select(s => s.StopAsync(TimeSpan.FromSeconds(10))));
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
