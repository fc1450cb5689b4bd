using System.Text.Json;

namespace Sferum.Faults.Tests;

/// <summary>
/// The HA test's short version (about 1.5 minutes): the harness runs with a pg_auto_failover monitor, a primary and a
/// synchronous standby under the three silos and two web nodes, kills the primary's whole node twice under chat load
/// (once restarted to rejoin, once lost for good and replaced by a fresh node), and fails when its checker finds an
/// acknowledged message missing on the new primary, a message stored after «not saved», a difference between the
/// standby's copy and the primary's, or a message written during a failover that was never acknowledged.
/// </summary>
public sealed class HaRunTests
{
    [Fact]
    public async Task A_killed_primary_loses_no_acknowledged_message_and_sending_resumes_on_the_promoted_standby()
    {
        var (json, printed) = await FaultHarness.RunAsync(
            [("DATABASE", "ha"), ("CHATS", "8"), ("MEMBERS", "5"), ("RATE", "15"), ("ROUNDS", "1"), ("SETTLE", "8"), ("DOWN", "6")],
            TimeSpan.FromMinutes(8));
        using var _ = json;
        var verdict = json.RootElement.GetProperty("verdict");
        Assert.True(verdict.GetProperty("passed").GetBoolean(), printed);
        Assert.Contains("the standby holds the same", printed);

        var faults = json.RootElement.GetProperty("faults").EnumerateArray().ToList();
        Assert.Equal(["db-failover", "db-node-loss"], faults.Select(f => f.GetProperty("kind").GetString()));
        Assert.All(faults, f =>
        {
            // Every message written while there was no primary was acknowledged in the end, after retries.
            Assert.True(f.GetProperty("written").GetInt32() > 0, printed);
            Assert.Equal(f.GetProperty("written").GetInt32(), f.GetProperty("acked").GetInt32());
            Assert.Equal(JsonValueKind.Number, f.GetProperty("unavailable_seconds").ValueKind);
            // While there was no primary, sends were answered with the product's own errors, not left hanging.
            var told = f.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            Assert.True(told.Intersect(["message.not-saved", "message.unconfirmed"]).Any(), printed);
        });

        var failovers = json.RootElement.GetProperty("failovers").EnumerateArray().ToList();
        Assert.Equal(2, failovers.Count);
        Assert.All(failovers, f =>
        {
            // Replication was synchronous when the primary died, and is again once a second node has rejoined.
            Assert.NotEmpty(f.GetProperty("synchronous_before").EnumerateArray());
            Assert.NotEmpty(f.GetProperty("synchronous_after").EnumerateArray());
            Assert.NotEqual(f.GetProperty("old_primary").GetString(), f.GetProperty("new_primary").GetString());
        });
        // The lost node's replacement ran the new primary alone first, then rejoined under a new name.
        var loss = failovers[1];
        Assert.True(loss.GetProperty("alone_seconds").GetDouble() > 0, printed);
        Assert.NotEqual(loss.GetProperty("old_primary").GetString(), loss.GetProperty("rejoined").GetString());
    }
}
