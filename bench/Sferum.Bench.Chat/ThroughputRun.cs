using Sferum.Bench;
using System.Diagnostics;

namespace Sferum.Bench.Chat;

/// <summary>
/// Durable acceptance: senders spread over the chats, each waiting for its acknowledgement (its commit) before the
/// next send, as a person's device does. Measures how many messages per second the cluster makes durable.
/// </summary>
public static class ThroughputRun
{
    /// <summary>The people who send: spread evenly over the chats.</summary>
    public static List<BenchUser> Senders(IReadOnlyList<List<BenchUser>> rooms, BenchOptions o)
    {
        var perRoom = Math.Clamp((o.ThroughputSenders + rooms.Count - 1) / rooms.Count, 1, rooms[0].Count);
        return rooms.SelectMany(r => r.Take(perRoom)).Take(o.ThroughputSenders).ToList();
    }

    /// <summary>Runs with only the senders connected: this measures acceptance, not fan-out.</summary>
    public static async Task<ThroughputResult> RunAsync(List<(BenchUser User, LeanHubConnection Connection)> senders, BenchOptions o, BenchProbe probe)
    {
        var rowsBefore = await probe.Table.CountAsync();
        long acked = 0, failed = 0;
        var until = Stopwatch.GetTimestamp() + (long)(o.Throughput * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(senders.Select(async (s, i) =>
        {
            for (var n = 0; Stopwatch.GetTimestamp() < until; n++)
            {
                var ok = await s.Connection.InvokeAndWaitAsync("Send", $"\"{s.User.ChatId}\",\"t{i}-{n}\",\"нагрузка\",null");
                Interlocked.Increment(ref ok ? ref acked : ref failed);
            }
        }));
        var seconds = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        return new ThroughputResult(senders.Count, Math.Round(acked / seconds), acked, failed, await probe.Table.CountAsync() - rowsBefore);
    }
}

/// <summary>Messages acknowledged per second with senders waiting for each commit; the table must hold exactly the acked ones.</summary>
public sealed record ThroughputResult(int Senders, double AckedPerSecond, long Acked, long Errors, long DbRowsAdded);
