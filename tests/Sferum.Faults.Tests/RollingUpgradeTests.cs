using System.Text.Json;
using Sferum.Local;

namespace Sferum.Faults.Tests;

/// <summary>
/// The rolling upgrade, short version (about 1.5 minutes): under chat load the three silos are replaced one at a time
/// by processes of a release installed in another folder (stopped with SIGTERM as systemd does, started from there),
/// then both web nodes are restarted one at a time. Fails when the checker finds a broken promise or a message
/// written meanwhile was never acknowledged.
/// </summary>
public sealed class RollingUpgradeTests
{
    [Fact]
    public async Task The_cluster_keeps_serving_while_its_silos_are_replaced_one_by_one_by_a_new_release()
    {
        var layout = SolutionLayout.Locate();
        // The "new release": the silo's build copied to a folder of its own, as a deployment unpacks a release.
        var release = Directory.CreateTempSubdirectory("sferum-release-");
        try
        {
            var build = Path.GetDirectoryName(layout.BuiltDll("Sferum.Silo"))!;
            foreach (var file in Directory.EnumerateFiles(build, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(release.FullName, Path.GetRelativePath(build, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var (json, printed) = await FaultHarness.RunAsync(
                [("FAULTS", "rolling-upgrade"), ("NEW_BUILD", release.FullName), ("CHATS", "8"), ("MEMBERS", "5"), ("RATE", "15"), ("ROUNDS", "1"),
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
                Assert.Contains($"[upgrade] silo {silo} replaced by {release.FullName}", printed);
            }

            Assert.Contains("[upgrade] web node 1 restarted", printed);
        }
        finally
        {
            release.Delete(recursive: true);
        }
    }
}
