using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using Sferum.Bench.Video.Lean;

namespace Sferum.Bench.Video;

/// <summary>
/// A school broadcast watched by more and more lean viewers. The school's admin starts a broadcast in the school
/// channel and publishes Chromium's fake camera; a pupil signs in with a browser, opens the meeting page (its cookie
/// and antiforgery token are taken from there) and enters; then lean subscribers join through the proxy as her, in
/// levels, until Janus reaches ~90 % of a core, viewers fall behind, or the generator does (its sockets drop datagrams).
/// </summary>
public sealed class BroadcastStep(Func<string, Task<IPage>> signIn, string webUrl, int janusPid, IPAddress mediaAddress, TimeSpan measure,
    double janusStopPercent)
{
    // DemoSeeder.DemoSchoolId (Sferum.Silo): the demo school whose channel the broadcast is started in.
    private const string DemoSchoolId = "7a5c0000-0000-4000-8000-000000000007";

    public List<string> Notes { get; } = [];

    public async Task<List<BroadcastLevel>> RunAsync(IReadOnlyList<int> levels)
    {
        var host = await signIn("admin");
        await host.GotoAsync($"{webUrl}/Schools/{DemoSchoolId}");
        await host.ClickAsync("#open-channel");
        await host.WaitForSelectorAsync("#chat[data-ready='true']");
        await host.ClickAsync("#meeting-start");
        await host.FillAsync("#meeting-title", "Концерт для замера");
        await host.ClickAsync("#meeting-create");
        await host.WaitForURLAsync("**/Meetings/*");
        var meetingId = Guid.Parse(host.Url[(host.Url.LastIndexOf('/') + 1)..]);
        await host.ClickAsync("#join");
        await host.WaitForSelectorAsync("#unpublish", new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });

        using var http = await MemberClient.ForAsync(await signIn("pupil2"), webUrl, meetingId);
        await using var janus = new JanusProxyClient(http, meetingId);
        await janus.CreateAsync();
        await using var audience = new LeanAudience(janus, mediaAddress);
        await audience.FindPublisherAsync();

        var results = new List<BroadcastLevel>();
        double? baseline = null, firstRate = null;
        var sinceFirstViewers = new Stopwatch();
        // Level 0 first: Janus with the publisher alone is the baseline the per-viewer figure is taken from.
        foreach (var level in levels.Prepend(0).Distinct())
        {
            var adding = Stopwatch.StartNew();
            await audience.GrowToAsync(level);
            var addSeconds = adding.Elapsed.TotalSeconds;
            if (level > 0 && !sinceFirstViewers.IsRunning)
            {
                sinceFirstViewers.Start();
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var viewers = audience.Viewers;
            var before = viewers.Select(v => (v.Counter.Packets, v.Counter.Bytes, v.Counter.Expected)).ToArray();
            var (janus0, own0, chromium0, machine0, drops0) = (ProcessCpu.Seconds(janusPid), ProcessCpu.Seconds(Environment.ProcessId),
                ProcessCpu.SecondsOf("chromium"), MachineCpu.BusySeconds(), UdpCounters.ReceiveBufferErrors());
            var wall = Stopwatch.StartNew();
            await Task.Delay(measure);
            var seconds = wall.Elapsed.TotalSeconds;
            double Percent(double cpu0, double cpu1) => (cpu1 - cpu0) / seconds * 100;
            var janusCpu = Percent(janus0, ProcessCpu.Seconds(janusPid));
            var ownCpu = Percent(own0, ProcessCpu.Seconds(Environment.ProcessId));
            var chromiumCpu = Percent(chromium0, ProcessCpu.SecondsOf("chromium"));
            var machine = Percent(machine0, MachineCpu.BusySeconds());
            var drops = UdpCounters.ReceiveBufferErrors() - drops0;
            var after = viewers.Select(v => (v.Counter.Packets, v.Counter.Bytes, v.Counter.Expected)).ToArray();
            var rates = after.Select((a, i) => (a.Bytes - before[i].Bytes) * 8 / seconds / 1000).Order().ToArray();
            var received = after.Select((a, i) => a.Packets - before[i].Packets).Sum();
            var expected = after.Select((a, i) => a.Expected - before[i].Expected).Sum();
            baseline ??= janusCpu;
            var row = new BroadcastLevel(level, viewers.Count(v => v.Connected), after.Where((a, i) => a.Packets > before[i].Packets).Count(),
                Math.Round(janusCpu, 1), level > 0 ? Math.Round((janusCpu - baseline.Value) / level, 3) : null, Math.Round(ownCpu, 1),
                Math.Round(chromiumCpu, 1), Math.Round(machine, 1), Math.Round(rates.Sum() / 1000, 1), Math.Round(Median(rates)), Math.Round(rates.FirstOrDefault()),
                expected > 0 ? Math.Round(Math.Max(0, 100.0 * (expected - received) / expected), 2) : 0, drops, Math.Round(addSeconds, 1));
            results.Add(row);
            Console.WriteLine($"[broadcast] {level} lean viewers ({row.connected} connected, {row.receiving} receiving, {row.median_viewer_kbit_s} kbit/s each, " +
                $"loss {row.loss_percent} %): Janus {row.janus_cpu_percent} % of a core ({row.janus_per_viewer_percent} % per viewer), " +
                $"generator {row.generator_cpu_percent} %, publisher's browser {row.publisher_browser_cpu_percent} %, machine {row.machine_busy_percent} % of 200, " +
                $"out {row.out_mbit_s} Mbit/s, {drops} receive-buffer drops; added in {row.add_seconds} s");

            // machine_busy_percent is reported, not a reason to stop: /proc/stat counts other work on the machine too.
            firstRate ??= level > 0 ? row.median_viewer_kbit_s : null;
            var stop = janusCpu >= janusStopPercent ? $"Janus reached {janusStopPercent} % of a core"
                : row.receiving < level ? $"{level - row.receiving} viewers received nothing"
                : firstRate is { } r && row.median_viewer_kbit_s < 0.9 * r ? "viewers fell behind (median rate below 90 % of the first level's)"
                : drops > received / 100 ? "the generator fell behind (its sockets' receive buffers overflowed)" : null;
            if (stop is not null)
            {
                Notes.Add($"Stopped after {level} viewers: {stop}.");
                break;
            }
        }

        // The lean viewers send no RTCP at all: whether Janus keeps forwarding without receiver reports shows here.
        if (results.LastOrDefault() is { viewers: > 0 } last)
        {
            Notes.Add($"No viewer sent any RTCP; the first viewers had been subscribed {sinceFirstViewers.Elapsed.TotalSeconds:0} s when the last window " +
                $"ended, and {last.receiving} of {last.viewers} were receiving in it. Janus reported webrtcup for {janus.WebRtcUp} handles.");
        }

        Notes.AddRange(audience.Failures.Take(5).Select(f => $"A viewer failed to join: {f}"));
        Notes.AddRange(janus.Hangups.Take(5).Select(h => $"Janus hung up handle {h.Key}: {h.Value}"));
        if (janus.PollFailure is { } failure)
        {
            Notes.Add($"The session's long poll failed: {failure}");
        }

        return results;
    }

    private static double Median(double[] sorted) => sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
}
