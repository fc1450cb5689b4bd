using Sferum.Bench;
using System.Diagnostics;

namespace Sferum.Bench.Chat;

/// <summary>
/// One rooms run, shaped as the peer's: open-loop sending at a fixed total rate (nobody waits for an answer), chats
/// taken round-robin from a random first one, the sender random within the chat; a warm-up, the measured window, then
/// a drain. Every member is connected to its chat, so each message is expected by M − 1 others.
/// </summary>
public static class RoomsRun
{
    public static async Task<RoomsResult> RunAsync(IReadOnlyList<List<(BenchUser User, LeanHubConnection Connection)>> rooms, int rate,
        BenchOptions o, BenchProbe probe, int run)
    {
        var warmup = (int)(rate * o.Warmup);
        var total = warmup + (int)(rate * o.Duration);
        var receivers = rooms[0].Count - 1;
        var record = probe.Recorder.Start(run, total, receivers, warmup);
        var rowsBefore = await probe.Table.CountAsync();
        var random = new Random(run);
        var room = random.Next(rooms.Count);
        long sendFailures = 0;
        var cpuFrom = probe.Cpu.Sample();
        var start = Stopwatch.GetTimestamp();
        var n = 0;
        while (n < total)
        {
            var due = Math.Min(total, (int)((Stopwatch.GetTimestamp() - start) * (double)rate / Stopwatch.Frequency) + 1);
            for (; n < due; n++)
            {
                if (n == warmup)
                {
                    cpuFrom = probe.Cpu.Sample();
                }

                var members = rooms[room];
                room = (room + 1) % rooms.Count;
                var (user, connection) = members[random.Next(members.Count)];
                var text = DeliveryRecorder.Text(run, n, connection.Index, Stopwatch.GetTimestamp());
                _ = SendAsync(connection, $"\"{user.ChatId}\",\"b{run}-{n}\",\"{text}\",null");
            }

            // Asleep until the next send is due, not woken every millisecond: at 200 msg/s four wake-ups in five found
            // nothing to send, and the generator's CPU is taken from the server on the shared cores.
            var nextDue = start + (long)(n * (double)Stopwatch.Frequency / rate);
            var waitMs = Math.Ceiling((nextDue - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency);
            await Task.Delay((int)Math.Max(1, waitMs));
        }

        var cpuTo = probe.Cpu.Sample();
        var measuredSeconds = (cpuTo.At - cpuFrom.At) / (double)Stopwatch.Frequency;
        var expected = (long)(total - warmup) * receivers;
        var drainUntil = Stopwatch.GetTimestamp() + (long)(o.Drain * Stopwatch.Frequency);
        while ((record.MeasuredDelivered < expected || record.Acknowledged + record.Failed + sendFailures < total)
               && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(50);
        }

        var latencies = record.LatenciesMs(warmup, total);
        // Where the tail comes from: for each second of the window, the slowest delivery (ms).
        var slowestBySecond = Enumerable.Range(0, (int)o.Duration).Select(second =>
            Enumerable.Range(warmup + second * rate, rate).Where(m => m < total).Select(m => record.Of(m).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max())
            .Select(ms => Math.Round(ms, 1)).ToList();
        var result = new RoomsResult(
            Rooms: rooms.Count, Members: receivers + 1, Connected: rooms.Sum(r => r.Count(m => m.Connection.IsOpen)),
            RateTarget: rate, RateAchieved: Math.Round((total - warmup) / measuredSeconds, 1), Sent: total - warmup, SentWithWarmup: total,
            Expected: expected, Delivered: record.MeasuredDelivered,
            IncompleteMsgs: Enumerable.Range(warmup, total - warmup).Count(m => record.DeliveredOf(m) < receivers),
            Duplicates: record.Extra, Echo: record.Echoes, Acked: record.Acknowledged, Errors: record.Failed + Interlocked.Read(ref sendFailures),
            Disconnects: probe.Recorder.Disconnects, LatMs: Percentiles.Figures(latencies),
            CpuPct: ProcessCpu.Percent(cpuFrom, cpuTo), DbRowsAdded: await probe.Table.CountAsync() - rowsBefore,
            RssMb: probe.RssMb(), SlowestBySecondMs: slowestBySecond, AckMs: Percentiles.Figures(record.AckLatenciesMs()));
        return result;

        async Task SendAsync(LeanHubConnection connection, string arguments)
        {
            try
            {
                await connection.InvokeAsync("Send", arguments);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref sendFailures);
            }
        }
    }
}

/// <summary>What a run reads besides its own deliveries: the processes' CPU and memory and the message table.</summary>
public sealed record BenchProbe(DeliveryRecorder Recorder, ProcessCpu Cpu, MessageTable Table, IReadOnlyDictionary<string, int> Pids)
{
    public Dictionary<string, double> RssMb() =>
        Pids.ToDictionary(p => p.Key, p => Math.Round(ProcessCpu.Rss(p.Value) / 1048576.0, 1));
}

/// <summary>One rooms run's figures, named as in the peer's result files.</summary>
public sealed record RoomsResult(
    int Rooms, int Members, int Connected, int RateTarget, double RateAchieved, int Sent, int SentWithWarmup, long Expected, long Delivered,
    int IncompleteMsgs, long Duplicates, long Echo, long Acked, long Errors, long Disconnects, LatencyFigures LatMs,
    Dictionary<string, double> CpuPct, long DbRowsAdded, Dictionary<string, double> RssMb, List<double> SlowestBySecondMs,
    LatencyFigures AckMs)
{
    public string Mode => "rooms";

    public double CpuPctServer => Math.Round(CpuPct.Where(c => c.Key != "gen").Sum(c => c.Value), 1);
}
