using System.Text.Json;
using Sferum.Local;

namespace Sferum.Faults.Tests;

/// <summary>
/// The rolling upgrade, short version (about 2.5 minutes): under chat load the three silos are replaced one at a time
/// by processes of a new release (the silo built again with another version, in a folder of its own), each stopped with
/// SIGTERM as systemd does and started from there; then both web nodes are restarted one at a time. Fails when the checker finds a broken promise or a message
/// written meanwhile was never acknowledged.
/// </summary>
public sealed class RollingUpgradeTests
{
    [Fact]
    public async Task The_cluster_keeps_serving_while_its_silos_are_replaced_one_by_one_by_a_new_release()
    {
        var layout = SolutionLayout.Locate();
        // The "new release": the silo built again with another version, into a folder of its own (its intermediate
        // files too, so the checkout's build is untouched), as a deployment unpacks a release.
        var release = Directory.CreateTempSubdirectory("sferum-release-");
        try
        {
            var output = Path.Combine(release.FullName, "silo");
            var publish = await PublishAsync(layout, output, Path.Combine(release.FullName, "artifacts"));
            Assert.True(publish.ExitCode == 0, publish.Output);

            var (json, printed) = await FaultHarness.RunAsync(
                [("FAULTS", "rolling-upgrade"), ("NEW_BUILD", output), ("CHATS", "8"), ("MEMBERS", "5"), ("RATE", "15"), ("ROUNDS", "1"),
                    ("SETTLE", "8")],
                TimeSpan.FromMinutes(8));
            using var _ = json;

            Assert.True(json.RootElement.GetProperty("verdict").GetProperty("passed").GetBoolean(), printed);
            var upgrade = Assert.Single(json.RootElement.GetProperty("faults").EnumerateArray());
            Assert.Equal("rolling-upgrade", upgrade.GetProperty("kind").GetString());
            Assert.True(upgrade.GetProperty("written").GetInt32() > 100, printed);
            Assert.Equal(upgrade.GetProperty("written").GetInt32(), upgrade.GetProperty("acked").GetInt32());
            Assert.Equal(JsonValueKind.Number, upgrade.GetProperty("unavailable_seconds").ValueKind);
            for (var silo = 0; silo < 3; silo++)
            {
                Assert.Contains($"[upgrade] silo {silo} replaced by {output}", printed);
            }

            // Each silo, asked itself, ran the checkout's build before and the new release after.
            var runs = printed.Split('\n').Where(l => l.StartsWith("[upgrade] silos run", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, runs.Count);
            Assert.DoesNotContain(NewVersion, runs[0]);
            Assert.Equal(3, runs[0].Split(", ").Length);
            Assert.Equal(3, runs[1].Split(", ").Count(v => v.Contains(NewVersion, StringComparison.Ordinal)));

            Assert.Contains("[upgrade] web node 1 restarted", printed);
        }
        finally
        {
            release.Delete(recursive: true);
        }
    }

    private const string NewVersion = "99.0.0-rolling";

    private static async Task<(int ExitCode, string Output)> PublishAsync(SolutionLayout layout, string output, string artifacts)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", layout.ProjectDirectory("Sferum.Silo"), "-c", "Release", "-o", output, "--artifacts-path", artifacts,
            $"-p:Version={NewVersion}", "-nologo", "-v", "quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
