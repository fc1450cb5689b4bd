using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Sferum.Bench;
using Sferum.Bench.Chat;
using Sferum.Local;

// Sferum's side of the chat benchmark (bench/compare.sh runs it after the peer, ejabberd, on the same machine): a
// private PostgreSQL set up as the peer's (synchronous_commit and fsync on), DevIdentity, one silo and one portal as
// processes, and every member of the load its own signed-in WebSocket connection from this process.
// Usage: ROOMS=100 MEMBERS=30 RATES="200 500 1000" DURATION=60 WARMUP=5 CHANNEL=2000 REPS=20 \
//        dotnet run -c Release --project bench/Sferum.Bench.Chat [-- --out results.json]
// For diagnosis: THROUGHPUT=0 skips the acceptance measure, PG_SETTINGS="log_min_duration_statement=3 ..." adds server
// settings (after the peer's, so they win), SERVICE_ENV="DOTNET_X=1 ..." sets environment variables of the silo, the
// portal and the provider (not of this process), KEEP=1 keeps the data folder (PostgreSQL's log and database) afterwards.
var o = BenchOptions.Parse(args);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var data = Path.Combine(Path.GetTempPath(), $"sferum-chat-bench-{Guid.NewGuid():N}");
var stack = await SferumStack.StartAsync(new SferumStackOptions
{
    DataDirectory = data,
    PostgresPort = FreePorts.Next(),
    IdentityPort = FreePorts.Next(),
    WebPort = FreePorts.Next(),
    SiloPort = FreePorts.Next(),
    GatewayPort = FreePorts.Next(),
    ClusterId = "bench",
    PostgresSettings = ["shared_buffers=256MB", "synchronous_commit=on", "fsync=on",
        .. (Environment.GetEnvironmentVariable("PG_SETTINGS") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)],
    // The per-person limit (20 messages in 10 s) is an operator's setting, raised here: the acceptance measure has a
    // few hundred people sending as fast as their commits come back, and random senders at 2,000 msg/s over 3,000
    // people now and then send a 21st message within 10 s. Everything else a person's send goes through is unchanged.
    ExtraSiloArguments = ["--Sferum:Chats:RateLimitCount=1000000", "--Logging:LogLevel:Default=Warning"],
    ExtraWebArguments = ["--Logging:LogLevel:Default=Warning"],
    Environment = (Environment.GetEnvironmentVariable("SERVICE_ENV") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : ""),
}, loggerFactory.CreateLogger("stack"));

try
{
    var report = await RunAllAsync();
    if (o.Out is not null)
    {
        BenchReport.Write(report, o.Out);
        Console.WriteLine($"Figures written to {o.Out}");
    }

    return report.Failures.Count == 0 ? 0 : 1;
}
catch (Exception) when (PrintServiceOutput())
{
    throw; // never reached: the filter prints what the services last said and lets the exception go on
}
finally
{
    await stack.DisposeAsync();
    if (Environment.GetEnvironmentVariable("KEEP") == "1")
    {
        Console.WriteLine($"Kept {data} (services' logs and the database)");
    }
    else
    {
        Directory.Delete(data, recursive: true);
    }
}

// A refusal at the hub reaches the bench as "Connection closed with an error."; the reason is in the services' output.
bool PrintServiceOutput()
{
    foreach (var service in stack.Silos.Append(stack.Web!))
    {
        Console.Error.WriteLine($"--- last output of {service.Name} ---\n{service.RecentOutput}");
    }

    return false;
}

async Task<BenchReport> RunAllAsync()
{
    var host = Host.CreateApplicationBuilder();
    host.Logging.ClearProviders();
    host.UseOrleansClient(c => c
        .Configure<ClusterOptions>(x => (x.ClusterId, x.ServiceId) = ("bench", "sferum"))
        .UseAdoNetClustering(x => (x.Invariant, x.ConnectionString) = ("Npgsql", stack.ConnectionString)));
    using var client = host.Build();
    await client.StartAsync();
    var cluster = client.Services.GetRequiredService<IClusterClient>();
    var school = await BenchSchool.CreateAsync(cluster, stack.ConnectionString, o.Rooms, o.Members, o.Channel);
    var (rooms, channel) = (school.Classes, school.ChannelMembers);
    var cookies = new SessionCookies(stack.ConnectionString, cluster);
    var recorder = new DeliveryRecorder();
    var servers = new Dictionary<string, int> { ["silo"] = stack.Silos[0].Pid, ["web"] = stack.Web!.Pid };
    var probe = new BenchProbe(recorder, new ProcessCpu(new Dictionary<string, int>(servers) { ["pg"] = stack.Postgres!.ServerPid, ["gen"] = Environment.ProcessId },
        new HashSet<string> { "pg" }), new MessageTable(stack.ConnectionString), servers);
    var report = new BenchReport(o);
    Console.WriteLine($"Sferum: {rooms.Count} chats × {o.Members} members, channel of {channel.Count}; server processes: silo, web, postgres");

    if (o.Throughput > 0)
    {
        await using var senders = await BenchMembers.ConnectAsync(stack.WebUrl, ThroughputRun.Senders(rooms, o), cookies, recorder, 0);
        report.Throughput = await ThroughputRun.RunAsync(senders.All, o, probe);
        Console.WriteLine($"[throughput] {report.Throughput.Senders} senders waiting for each commit: {report.Throughput.AckedPerSecond} msg/s acked, " +
            $"{report.Throughput.Errors} errors, table +{report.Throughput.DbRowsAdded}");
    }

    // Memory per connection two ways: the growth over all members from a portal and silo that have carried nothing
    // yet (first-use costs included, as the peer measures), and the growth over the second half alone (what one more
    // member costs once the processes are warm).
    var everyone = rooms.SelectMany(r => r).ToList();
    var rssBefore = servers.Values.Sum(ProcessCpu.Rss);
    var connect = System.Diagnostics.Stopwatch.StartNew();
    var firstHalf = await BenchMembers.ConnectAsync(stack.WebUrl, everyone[..(everyone.Count / 2)], cookies, recorder, 0);
    await Task.Delay(TimeSpan.FromSeconds(3));
    var rssHalf = servers.Values.Sum(ProcessCpu.Rss);
    var secondHalf = await BenchMembers.ConnectAsync(stack.WebUrl, everyone[(everyone.Count / 2)..], cookies, recorder, everyone.Count / 2);
    await using (firstHalf)
    await using (secondHalf)
    {
        var members = firstHalf.All.Concat(secondHalf.All).ToList();
        report.ConnectSeconds = Math.Round(connect.Elapsed.TotalSeconds, 1);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var rssAfter = servers.Values.Sum(ProcessCpu.Rss);
        report.RssKbPerConnection = Math.Round((rssAfter - rssBefore) / 1024.0 / members.Count, 1);
        report.RssKbPerMoreConnection = Math.Round((rssAfter - rssHalf) / 1024.0 / secondHalf.All.Count, 1);
        Console.WriteLine($"[connect] {members.Count} members in {report.ConnectSeconds} s; silo + portal memory +{report.RssKbPerConnection} KB per member over all of them, " +
            $"+{report.RssKbPerMoreConnection} KB per member over the second {secondHalf.All.Count}");
        var byRoom = members.GroupBy(m => m.User.ChatId).Select(g => g.ToList()).ToList();
        var run = 0;
        foreach (var rate in o.Rates)
        {
            var r = await RoomsRun.RunAsync(byRoom, rate, o, probe, ++run);
            report.Add(r);
            Console.WriteLine($"[rooms] R={r.Rooms} M={r.Members} S={rate}/s: sent {r.Sent} ({r.RateAchieved}/s) delivered {r.Delivered}/{r.Expected} " +
                $"incomplete_msgs {r.IncompleteMsgs} duplicates {r.Duplicates} acked {r.Acked} errors {r.Errors} disconnects {r.Disconnects} | " +
                $"latency ms p50 {r.LatMs.P50} p95 {r.LatMs.P95} p99 {r.LatMs.P99} max {r.LatMs.Max}");
            Console.WriteLine($"  CPU% (100=1 core) silo {r.CpuPct["silo"]} web {r.CpuPct["web"]} pg {r.CpuPct["pg"]} server {r.CpuPctServer} gen {r.CpuPct["gen"]} | " +
                $"message table +{r.DbRowsAdded} (sent with warm-up {r.SentWithWarmup})");
            Console.WriteLine($"  acknowledgement ms p50 {r.AckMs.P50} p95 {r.AckMs.P95} p99 {r.AckMs.P99} max {r.AckMs.Max}; " +
                $"slowest delivery per second, ms: {string.Join(' ', r.SlowestBySecondMs)}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }

    if (channel.Count > 0)
    {
        await using var members = await BenchMembers.ConnectAsync(stack.WebUrl, channel, cookies, recorder, 0);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var c = await ChannelRun.RunAsync(members.All, o, probe, o.Rates.Count + 1);
        report.Channel = c;
        Console.WriteLine($"[channel] members {c.Connected}: delivered {c.DeliveredTotal}/{c.ExpectedTotal} (min per msg {c.DeliveredPerMsgMin}) | " +
            $"time-to-last-member ms p50 {c.LastMemberMs.P50} p99 {c.LastMemberMs.P99} max {c.LastMemberMs.Max} | median member p50 {c.MedianMemberMsP50}");
    }

    foreach (var failure in report.Failures)
    {
        Console.WriteLine($"FAILED: {failure}");
    }

    if (recorder.FirstProblem is { } problem)
    {
        Console.WriteLine($"First problem seen: {problem}");
    }

    await client.StopAsync();
    return report;
}
