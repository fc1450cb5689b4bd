using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Sferum.Bench.Chat;
using Sferum.Chats;
using Sferum.Local;

// Chat load generator: a private PostgreSQL, DevIdentity, one silo and one portal as real processes, and simulated
// browsers as SignalR clients in this process. Prints durable messages/s, delivery latency, the fan-out time to the
// last of a big class, and the portal's memory per idle connection.
// Usage: dotnet run -c Release --project bench/Sferum.Bench.Chat -- [--chats 100] [--members 30] [--online 30]
//        [--rate 1000] [--seconds 10] [--senders 256] [--channel-members 2000] [--idle 10000]
var o = BenchOptions.Parse(args);
using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(c => c.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
var data = Path.Combine(Path.GetTempPath(), $"sferum-chat-bench-{Guid.NewGuid():N}");
var clusterId = "bench";
var stack = await SferumStack.StartAsync(new SferumStackOptions
{
    DataDirectory = data,
    PostgresPort = FreePorts.Next(),
    IdentityPort = FreePorts.Next(),
    WebPort = FreePorts.Next(),
    SiloPort = FreePorts.Next(),
    GatewayPort = FreePorts.Next(),
    ClusterId = clusterId,
    ExtraSiloArguments = ["--Sferum:Chats:RateLimitCount=100000000", "--Logging:LogLevel:Default=Warning"],
    ExtraWebArguments = ["--Logging:LogLevel:Default=Warning"],
}, loggerFactory.CreateLogger("stack"));

var host = Host.CreateApplicationBuilder();
host.Logging.ClearProviders();
host.UseOrleansClient(c => c
    .Configure<ClusterOptions>(x => (x.ClusterId, x.ServiceId) = (clusterId, "sferum"))
    .UseAdoNetClustering(x => (x.Invariant, x.ConnectionString) = ("Npgsql", stack.ConnectionString)));
using var client = host.Build();
await client.StartAsync();
var cluster = client.Services.GetRequiredService<IClusterClient>();

var setup = Stopwatch.StartNew();
var (classes, channel) = await BenchSchool.CreateAsync(cluster, stack.ConnectionString, o);
var cookies = new SessionCookies(stack.ConnectionString, cluster);
Console.WriteLine($"Setup: {classes.Count} class chats × {o.Members} members, one class of {channel.Count}, in {setup.Elapsed.TotalSeconds:0} s");
Console.WriteLine($"{"measure",-58} result");

var latencies = new ConcurrentBag<double>();
var fanout = new ConcurrentDictionary<long, (long First, long Last, int Count)>();
long Parse(string? text) => text is not null && text.StartsWith("t:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2, text.IndexOf(' ') - 2), out var t) ? t : 0;
void OnEvent(BenchClient receiver, ChatEvent e, long at)
{
    var sent = Parse(e.Message?.Text);
    if (sent == 0 || e.Message!.AuthorId == receiver.User.UserId)
    {
        return;
    }

    var ms = (at - sent) * 1000.0 / Stopwatch.Frequency;
    if (receiver.User.ChatId == channel[0].ChatId)
    {
        fanout.AddOrUpdate(sent, _ => (at, at, 1), (_, v) => (v.First, Math.Max(v.Last, at), v.Count + 1));
    }
    else
    {
        latencies.Add(ms);
    }
}

AppDomain.CurrentDomain.UnhandledException += (_, e) => Console.Error.WriteLine($"{e.ExceptionObject}\nPortal's recent output:\n{stack.Web!.RecentOutput}");

// 0. Memory of the portal per idle connection, measured first, on a portal that has carried no load yet (afterwards
//    its pools and heap keep what the load needed, which is not what an idle connection costs).
var idle = new List<BenchClient>();
var rssBeforeIdle = Rss(stack.Web!.Pid);

var pool = channel.Concat(classes.SelectMany(c => c)).ToList();
foreach (var chunk in Enumerable.Range(0, o.IdleConnections).Select(i => pool[i % pool.Count]).Chunk(200))
{
    idle.AddRange(await Task.WhenAll(chunk.Select(async u => await BenchClient.ConnectAsync(stack.WebUrl, u, await cookies.ForAsync(u.UserId, u.Name), (_, _, _) => { }))));
}

await Task.Delay(5000);
var rssAfterIdle = Rss(stack.Web.Pid);
Console.WriteLine($"{$"portal memory per idle connection ({idle.Count})",-58} {(rssAfterIdle - rssBeforeIdle) / 1024.0 / idle.Count:0.0} KB (RSS {rssBeforeIdle / 1048576} → {rssAfterIdle / 1048576} MB)");
foreach (var c in idle)
{
    await c.DisposeAsync();
}

idle.Clear();



// 1. Durable throughput: one connected sender per chat (no one else online, so this measures acceptance, not
//    fan-out); many sends in flight, each waiting for its acknowledgement, i.e. its commit. Each sender is a person
//    with a connection of their own (SignalR runs one call at a time per connection, as a real device would).
var perChat = Math.Clamp((o.ThroughputSenders + classes.Count - 1) / classes.Count, 1, Math.Min(o.Online, o.Members));
var senderUsers = classes.SelectMany(c => c.Take(perChat)).Take(Math.Max(o.ThroughputSenders, classes.Count)).ToList();
var senders = (await Task.WhenAll(senderUsers.Select(async u => await BenchClient.ConnectAsync(stack.WebUrl, u, await cookies.ForAsync(u.UserId, u.Name), OnEvent)))).ToList();
long acked = 0;
var until = Stopwatch.GetTimestamp() + Stopwatch.Frequency * o.Seconds;
await Task.WhenAll(Enumerable.Range(0, o.ThroughputSenders).Select(async i =>
{
    var sender = senders[i % senders.Count];
    while (Stopwatch.GetTimestamp() < until)
    {
        await sender.SendAsync("нагрузка");
        Interlocked.Increment(ref acked);
    }
}));
Console.WriteLine($"{$"durable messages accepted ({o.ThroughputSenders} senders, {o.Seconds} s)",-58} {acked / (double)o.Seconds:0} msg/s");

// 2. Live members of every class chat.
var online = new List<BenchClient>(senders);
var connect = Stopwatch.StartNew();
foreach (var chunk in classes.SelectMany(c => c.Skip(perChat).Take(o.Online - perChat)).Chunk(100))
{
    online.AddRange(await Task.WhenAll(chunk.Select(async u => await BenchClient.ConnectAsync(stack.WebUrl, u, await cookies.ForAsync(u.UserId, u.Name), OnEvent))));
}

Console.WriteLine($"{$"connect {online.Count} clients",-58} {connect.Elapsed.TotalSeconds:0.0} s");

// 3. Latency at a steady rate across all class chats.
latencies.Clear();
var interval = Stopwatch.Frequency / (double)o.Rate;
var start = Stopwatch.GetTimestamp();
var sends = new List<Task>();
for (var n = 0; n < o.Rate * o.Seconds; n++)
{
    var due = start + (long)(n * interval);
    while (Stopwatch.GetTimestamp() < due)
    {
        await Task.Delay(1);
    }

    var sender = senders[n % senders.Count];
    sends.Add(sender.SendAsync($"t:{Stopwatch.GetTimestamp()} урок"));
}

await Task.WhenAll(sends);
await Task.Delay(2000);
Console.WriteLine($"{$"delivery at {o.Rate} msg/s over {classes.Count} chats of {o.Online} online",-58} {Percentiles.Describe(latencies.ToList())}");

// 4. Fan-out: one post to a class of ChannelMembers, time until the last member has it.
var big = new List<BenchClient>();
foreach (var chunk in channel.Chunk(100))
{
    big.AddRange(await Task.WhenAll(chunk.Select(async u => await BenchClient.ConnectAsync(stack.WebUrl, u, await cookies.ForAsync(u.UserId, u.Name), OnEvent))));
}

for (var i = 0; i < 20; i++)
{
    await big[0].SendAsync($"t:{Stopwatch.GetTimestamp()} объявление");
    await Task.Delay(500);
}

await Task.Delay(15000);
var lastTimes = fanout.Select(kv => (kv.Value.Last - kv.Key) * 1000.0 / Stopwatch.Frequency).ToList();
var complete = fanout.Values.Count(v => v.Count == big.Count - 1);
Console.WriteLine($"{$"post to {big.Count} members: time to the last one ({complete}/20 complete)",-58} {Percentiles.Describe(lastTimes)}");

foreach (var c in online.Concat(big).Concat(idle))
{
    await c.DisposeAsync();
}

await client.StopAsync();
await stack.DisposeAsync();
Directory.Delete(data, recursive: true);
return 0;

static long Rss(int pid)
{
    var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
