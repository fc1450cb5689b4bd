using System.Text.Json;

namespace Sferum.Faults.Tests;

/// <summary>
/// The fault test's short version (one round of each fault, about two minutes): the harness runs as its own process
/// with its own PostgreSQL, three silos and two web nodes, and this test fails when its checker finds a broken promise,
/// when a fault was not injected, or when a message written during a fault was never acknowledged. Its timings are
/// printed, not judged: the full command measures them (README: Reliability).
/// </summary>
public sealed class FaultRunTests
{
    [Fact]
    public async Task Under_every_fault_no_acknowledged_message_is_lost_duplicated_reordered_or_shown_to_a_former_member()
    {
        var (json, printed) = await FaultHarness.RunAsync(
            [("CHATS", "8"), ("MEMBERS", "5"), ("RATE", "15"), ("ROUNDS", "1"), ("SETTLE", "8"), ("DOWN", "6"), ("DB_OUTAGE", "6"), ("PAUSE", "10"), ("MOVES", "2")],
            TimeSpan.FromMinutes(8));
        using var _ = json;
        var verdict = json.RootElement.GetProperty("verdict");
        Assert.True(verdict.GetProperty("passed").GetBoolean(), printed);
        Assert.True(verdict.GetProperty("acked").GetInt32() > 500, printed);
        Assert.Equal(40, json.RootElement.GetProperty("members").GetInt32());
        var faults = json.RootElement.GetProperty("faults").EnumerateArray().ToList();
        Assert.Equal(["silo-kill", "web-kill", "db-stop", "silo-pause"], faults.Select(f => f.GetProperty("kind").GetString()));
        Assert.All(faults, f =>
        {
            Assert.True(f.GetProperty("written").GetInt32() > 0, printed);
            Assert.Equal(f.GetProperty("written").GetInt32(), f.GetProperty("acked").GetInt32() + f.GetProperty("dropped").GetInt32());
            Assert.Equal(JsonValueKind.Number, f.GetProperty("unavailable_seconds").ValueKind);
        });
        // The database outage was felt: sends were refused or unanswered while it lasted, and none of them was lost.
        var outage = faults.Single(f => f.GetProperty("kind").GetString() == "db-stop");
        Assert.True(outage.GetProperty("refused").GetInt32() + outage.GetProperty("unanswered").GetInt32() > 0, printed);
        Assert.Contains("[move] member", printed);
    }
}
