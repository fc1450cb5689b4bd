using System.Diagnostics;
using System.Text.Json;
using Sferum.Local;

namespace Sferum.Cluster.Tests;

/// <summary>
/// The chat benchmark's short run, so that it never rots: Sferum's side of bench/compare.sh at one rate for 10 s with
/// 300 members connected and a channel of 200, as its own process (its own PostgreSQL, silo and portal). It fails when
/// any message was not delivered to every member, or the message table did not gain exactly the messages acknowledged.
/// The figures it prints are not judged here: speed is measured by the full command, not by a test.
/// </summary>
public sealed class ChatBenchSmokeTests
{
    [Fact]
    public async Task A_short_bench_run_delivers_every_message_to_every_member_and_stores_each_acknowledged_one()
    {
        var layout = SolutionLayout.Locate();
        var results = Path.Combine(Path.GetTempPath(), $"sferum-bench-smoke-{Guid.NewGuid():N}.json");
        var bench = Path.Combine(layout.Root, "bench", "Sferum.Bench.Chat", "bin", layout.Configuration, "net10.0", "Sferum.Bench.Chat.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { bench, "--out", results })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (knob, value) in new[] { ("ROOMS", "10"), ("MEMBERS", "30"), ("RATES", "300"), ("DURATION", "10"), ("WARMUP", "2"),
                     ("CHANNEL", "200"), ("REPS", "5"), ("INTERVAL", "1"), ("THROUGHPUT", "3"), ("SENDERS", "32") })
        {
            start.Environment[knob] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        var printed = await output + await errors;
        Assert.True(process.ExitCode == 0, $"The bench failed ({process.ExitCode}):\n{printed}");

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(results));
        File.Delete(results);
        var rooms = report.RootElement.GetProperty("rooms").EnumerateArray().Single();
        Assert.Equal(300 * 12, rooms.GetProperty("sent_with_warmup").GetInt32());
        Assert.Equal(300 * 10 * 29, rooms.GetProperty("expected").GetInt64());
        Assert.Equal(rooms.GetProperty("expected").GetInt64(), rooms.GetProperty("delivered").GetInt64());
        Assert.Equal(0, rooms.GetProperty("duplicates").GetInt64());
        Assert.Equal(rooms.GetProperty("sent_with_warmup").GetInt32(), rooms.GetProperty("acked").GetInt64());
        Assert.Equal(rooms.GetProperty("sent_with_warmup").GetInt32(), rooms.GetProperty("db_rows_added").GetInt64());
        var channel = report.RootElement.GetProperty("channel");
        Assert.Equal(5 * 199, channel.GetProperty("expected_total").GetInt64());
        Assert.Equal(channel.GetProperty("expected_total").GetInt64(), channel.GetProperty("delivered_total").GetInt64());
        Assert.Equal(5, channel.GetProperty("db_rows_added").GetInt64());
        var throughput = report.RootElement.GetProperty("throughput");
        Assert.True(throughput.GetProperty("acked").GetInt64() > 0, printed);
        Assert.Equal(throughput.GetProperty("acked").GetInt64(), throughput.GetProperty("db_rows_added").GetInt64());
    }
}
