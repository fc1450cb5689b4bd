using Sferum.Bench;
using System.Diagnostics;

namespace Sferum.Bench.Chat;

/// <summary>
/// The channel case: one chat of C members, all connected; its first member posts REPS messages INTERVAL seconds
/// apart, one at a time. The figure is the time until the last of the other C − 1 members has each message.
/// </summary>
public static class ChannelRun
{
    public static async Task<ChannelResult> RunAsync(List<(BenchUser User, LeanHubConnection Connection)> members, BenchOptions o, BenchProbe probe, int run)
    {
        var receivers = members.Count - 1;
        var record = probe.Recorder.Start(run, o.Reps, receivers, 0);
        var rowsBefore = await probe.Table.CountAsync();
        var (user, sender) = members[0];
        var cpuFrom = probe.Cpu.Sample();
        var start = Stopwatch.GetTimestamp();
        for (var k = 0; k < o.Reps; k++)
        {
            var due = start + (long)(k * o.Interval * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            var text = DeliveryRecorder.Text(run, k, sender.Index, Stopwatch.GetTimestamp());
            await sender.InvokeAsync("Send", $"\"{user.ChatId}\",\"b{run}-{k}\",\"{text}\",null");
        }

        var drainUntil = Stopwatch.GetTimestamp() + 5 * Stopwatch.Frequency;
        while (record.DeliveredTotal < (long)receivers * o.Reps && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(50);
        }

        var cpuTo = probe.Cpu.Sample();
        var lasts = new List<double>();
        var medians = new List<double>();
        for (var k = 0; k < o.Reps; k++)
        {
            var each = record.Of(k).Order().ToList();
            if (each.Count > 0)
            {
                lasts.Add(each[^1]);
                medians.Add(Percentiles.Of(each, 50)!.Value);
            }
        }

        lasts.Sort();
        medians.Sort();
        return new ChannelResult(
            Size: members.Count, Connected: members.Count(m => m.Connection.IsOpen), Reps: o.Reps, Interval: o.Interval,
            DeliveredTotal: record.DeliveredTotal, ExpectedTotal: (long)receivers * o.Reps,
            DeliveredPerMsgMin: Enumerable.Range(0, o.Reps).Min(record.DeliveredOf), Duplicates: record.Extra,
            Acked: record.Acknowledged, Errors: record.Failed, Disconnects: probe.Recorder.Disconnects,
            LastMemberMs: new LatencyFigures(Percentiles.Of(lasts, 50), Percentiles.Of(lasts, 95), Percentiles.Of(lasts, 99), lasts.Count > 0 ? Math.Round(lasts[^1], 2) : null),
            MedianMemberMsP50: Percentiles.Of(medians, 50), CpuPct: ProcessCpu.Percent(cpuFrom, cpuTo),
            DbRowsAdded: await probe.Table.CountAsync() - rowsBefore, RssMb: probe.RssMb());
    }
}

/// <summary>The channel case's figures, named as in the peer's result files.</summary>
public sealed record ChannelResult(
    int Size, int Connected, int Reps, double Interval, long DeliveredTotal, long ExpectedTotal, int DeliveredPerMsgMin, long Duplicates,
    long Acked, long Errors, long Disconnects, LatencyFigures LastMemberMs, double? MedianMemberMsP50, Dictionary<string, double> CpuPct,
    long DbRowsAdded, Dictionary<string, double> RssMb)
{
    public string Mode => "channel";
}
