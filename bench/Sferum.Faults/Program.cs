using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Sferum.Bench;
using Sferum.Faults;

// The fault test (README: Reliability): PostgreSQL, three silos and two web nodes as processes on loopback, simulated
// people writing in many chats over SignalR, faults injected under load (silo kill, web node kill, database stopped,
// silo paused past its probe timeout), then a checker over everything they recorded. Exit code 0 only when the
// checker finds nothing. With DATABASE=ha it is the HA test: the database is a pg_auto_failover pair whose primary is
// killed (README: Reliability). Usage: ROUNDS=3 dotnet run -c Release --project bench/Sferum.Faults [-- --out report.json]
var o = FaultOptions.Parse(args);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var data = Path.Combine(Path.GetTempPath(), $"sferum-faults-{Guid.NewGuid():N}");
var history = new History();
var verbose = Environment.GetEnvironmentVariable("VERBOSE") == "1";
FaultCluster cluster;
try
{
    cluster = await FaultCluster.StartAsync(data, o.Database, 3, 2, loggerFactory.CreateLogger("faults"), verbose ? Console.WriteLine : null);
}
catch
{
    // What started has been stopped; its folders go too.
    Directory.Delete(data, recursive: true);
    throw;
}

// Stopped from outside (Ctrl-C, SIGTERM): the silos, web nodes and PostgreSQL must not outlive the harness.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => cluster.KillAll());
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => cluster.KillAll());
Console.WriteLine($"[start] {(o.Database == FaultDatabase.Ha ? "pg_auto_failover (monitor, primary, synchronous standby)" : "PostgreSQL")}, " +
    $"3 silos and 2 web nodes up at {history.Now:F1} s");
try
{
    var report = await RunAsync();
    report.Print(Console.Out);
    if (o.Out is not null)
    {
        report.Write(o.Out);
        Console.WriteLine($"Report written to {o.Out}");
    }

    return report.Verdict.Passed ? 0 : 1;
}
finally
{
    await cluster.DisposeAsync();
    Directory.Delete(data, recursive: true);
}

async Task<FaultReport> RunAsync()
{
    // The harness's own cluster client stands in for the journal (school set-up, moving students) and mints sessions.
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.UseOrleansClient(c => c
        .Configure<ClusterOptions>(x => (x.ClusterId, x.ServiceId) = (FaultCluster.ClusterId, "sferum"))
        .Configure<GatewayOptions>(x => x.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
        .UseAdoNetClustering(x => (x.Invariant, x.ConnectionString) = ("Npgsql", cluster.ConnectionString)));
    using var client = builder.Build();
    await client.StartAsync();
    var grains = client.Services.GetRequiredService<IClusterClient>();
    var school = await BenchSchool.CreateAsync(grains, cluster.ConnectionString, o.Chats, o.Members, 0);
    var cookies = new SessionCookies(cluster.ConnectionString, grains);
    var users = school.Classes.SelectMany(c => c).ToList();
    var members = new List<SimMember>();
    for (var i = 0; i < users.Count; i++)
    {
        members.Add(new SimMember(i, users[i], await cookies.ForAsync(users[i].UserId, users[i].Name), cluster.WebUrls, history));
    }

    foreach (var chunk in members.Chunk(50))
    {
        await Task.WhenAll(chunk.Select(m => m.StartAsync()));
    }

    Console.WriteLine($"[start] {members.Count} members connected to 2 web nodes at {history.Now:F1} s; writing {o.Rate} msg/s");
    var load = new Load(members, o.Rate);
    using var quiet = new CancellationTokenSource();
    var quietCatchup = QuietCatchupAsync(members, quiet.Token);
    load.Start();
    await Task.Delay(TimeSpan.FromSeconds(o.Settle));
    await new FaultRun(cluster, grains, school, members, history, o).RunAsync();
    await load.StopAsync();
    var loadEnded = history.Now;
    await Task.WhenAll(members.Select(m => m.DrainAsync(TimeSpan.FromSeconds(60))));
    await Task.Delay(TimeSpan.FromSeconds(3));
    quiet.Cancel();
    await quietCatchup;

    var stored = await ReadStoredAsync(cluster.ConnectionString);
    var last = stored.GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Max(e => e.Seq));
    var liveComplete = members.Count(m => m.LastSeq >= last.GetValueOrDefault(m.ChatId));
    Console.WriteLine($"[end] load stopped at {loadEnded:F1} s, outboxes drained ({members.Sum(m => m.Pending)} left); " +
        $"{liveComplete}/{members.Count} members have every message without a final catch-up");

    // What every page does after 20 s of quiet: ask for anything missed. The checker then reads the final views.
    await Task.WhenAll(members.Select(m => m.CatchupIfQuietAsync(force: true)));
    var views = members.Select(m => new MemberViews(m.Index, m.UserId, m.ChatId, m.Views)).ToList();
    var attempts = history.Attempts.ToList();
    var moves = history.Moves.ToList();
    var verdict = Checker.Check(stored, attempts, views, moves, history.RepeatedOnConnection.ToList());
    if (cluster.Database.Pair is { } pair)
    {
        verdict = verdict with { Violations = [.. verdict.Violations, .. await CompareStandbyAsync(pair, stored)] };
    }

    var faults = history.Faults.ToList();
    var figures = faults.Select((f, i) => FaultFigures.Measure(f, i + 1 < faults.Count ? faults[i + 1].Injected : loadEnded, attempts, views, moves)).ToList();
    var written = attempts.Select(a => a.ClientId).Distinct().Count();
    if (o.Out is not null)
    {
        await File.WriteAllLinesAsync(Path.ChangeExtension(o.Out, ".history.jsonl"), attempts.Select(a => System.Text.Json.JsonSerializer.Serialize(a)));
    }

    foreach (var m in members)
    {
        await m.DisposeAsync();
    }

    await client.StopAsync();
    return new FaultReport(o, members.Count, written, verdict.Acked, liveComplete, verdict, figures, history.Failovers.ToList());
}

static async Task QuietCatchupAsync(IReadOnlyList<SimMember> members, CancellationToken stop)
{
    while (!stop.IsCancellationRequested)
    {
        await Task.WhenAll(members.Select(m => m.CatchupIfQuietAsync()));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stop);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
}

// The standby applies what it has received a moment after the primary commits: compare again until it has caught up.
static async Task<IReadOnlyList<Violation>> CompareStandbyAsync(Sferum.Local.AutoFailover.AutoFailoverCluster pair, List<StoredEvent> stored)
{
    IReadOnlyList<Violation> differences = [];
    for (var attempt = 0; attempt < 30; attempt++)
    {
        differences = Checker.CompareStandby(stored, await ReadStoredAsync(pair.StandbyConnectionString));
        if (differences.Count == 0)
        {
            Console.WriteLine($"[end] the standby holds the same {stored.Count} chat log rows as the primary");
            break;
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    return differences;
}

static async Task<List<StoredEvent>> ReadStoredAsync(string connectionString)
{
    var stored = new List<StoredEvent>();
    // A fresh connection each time: a pooled one may predate a node's kill (the HA test kills both nodes in turn).
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT chat_id, seq, author_id, client_id FROM chat_events", connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        stored.Add(new StoredEvent(reader.GetGuid(0), reader.GetInt64(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
    }

    return stored;
}
