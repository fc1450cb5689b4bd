using Microsoft.Extensions.Logging;
using Sferum.Local;
using Sferum.Local.AutoFailover;

namespace Sferum.Faults;

/// <summary>
/// The database under the cluster: one private PostgreSQL (the fault test), or pg_auto_failover's monitor with a primary
/// and a synchronous standby (the HA test). Sferum is given one connection string either way; for the pair it names
/// both nodes and asks for the primary.
/// </summary>
public sealed class FaultDatabase : IAsyncDisposable
{
    public const string Single = "single";
    public const string Ha = "ha";

    private FaultDatabase(LocalPostgres? server, AutoFailoverCluster? pair)
    {
        Server = server;
        Pair = pair;
    }

    /// <summary>The single server, or null in the HA test.</summary>
    public LocalPostgres? Server { get; }

    /// <summary>The pg_auto_failover pair, or null in the fault test.</summary>
    public AutoFailoverCluster? Pair { get; }

    public string ConnectionString => Server?.ConnectionString ?? Pair!.ConnectionString;

    public static async Task<FaultDatabase> StartAsync(string kind, string dataDirectory, ILogger logger) => kind == Ha
        ? new FaultDatabase(null, await AutoFailoverCluster.StartAsync(Path.Combine(dataDirectory, "pg_auto_failover"), logger))
        : new FaultDatabase(await LocalPostgres.StartAsync(new LocalPostgresOptions
        {
            RootDirectory = Path.Combine(dataDirectory, "postgres"),
            Port = FreePorts.Next(),
        }, logger), null);

    /// <summary>Stops everything at once: the harness itself is being stopped.</summary>
    public void KillAll()
    {
        Server?.StopAsync().GetAwaiter().GetResult();
        Pair?.KillAll();
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Pair is not null)
        {
            await Pair.DisposeAsync();
        }
    }
}
