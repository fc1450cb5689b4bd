using System.Diagnostics;
using System.Text.Json;
using Sferum.Local;

namespace Sferum.Faults.Tests;

/// <summary>Runs the built fault harness (bench/Sferum.Faults) as its own process with the given knobs, and reads its report.</summary>
internal static class FaultHarness
{
    public static async Task<(JsonDocument Report, string Printed)> RunAsync(IEnumerable<(string Knob, string Value)> knobs, TimeSpan limit)
    {
        var layout = SolutionLayout.Locate();
        var report = Path.Combine(Path.GetTempPath(), $"sferum-faults-{Guid.NewGuid():N}.json");
        var harness = Path.Combine(layout.Root, "bench", "Sferum.Faults", "bin", layout.Configuration, "net10.0", "Sferum.Faults.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { harness, "--out", report })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (knob, value) in knobs)
        {
            start.Environment[knob] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(limit);
        var printed = await output + await errors;
        Assert.True(process.ExitCode == 0, $"The fault harness failed ({process.ExitCode}):\n{printed}");

        var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        File.Delete(report);
        File.Delete(Path.ChangeExtension(report, ".history.jsonl"));
        return (json, printed);
    }
}
