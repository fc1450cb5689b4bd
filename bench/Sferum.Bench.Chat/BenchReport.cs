using System.Text.Json;

namespace Sferum.Bench.Chat;

/// <summary>Every figure of one Sferum run, written as JSON beside the peer's (snake_case, as its files are).</summary>
public sealed class BenchReport(BenchOptions options)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public string Side => "sferum";

    public string Date { get; } = DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm:ss zzz");

    public BenchOptions Options { get; } = options;

    public ThroughputResult? Throughput { get; set; }

    public double ConnectSeconds { get; set; }

    /// <summary>Silo + web resident memory gained per connected member (after connecting, before any message).</summary>
    public double RssKbPerConnection { get; set; }

    /// <summary>Silo + web resident memory gained per member over the second half of them (warm processes).</summary>
    public double RssKbPerMoreConnection { get; set; }

    public List<RoomsResult> Rooms { get; } = [];

    public ChannelResult? Channel { get; set; }

    /// <summary>
    /// What makes a run fail (the CI smoke run relies on it): a message not delivered to every member, a duplicate, an
    /// error, a lost connection, or a message table that did not gain exactly the messages sent and acknowledged.
    /// </summary>
    public List<string> Failures
    {
        get
        {
            var failures = new List<string>();
            foreach (var r in Rooms)
            {
                if (r.Delivered != r.Expected || r.IncompleteMsgs > 0 || r.Duplicates > 0 || r.Errors > 0 || r.Disconnects > 0)
                {
                    failures.Add($"rooms at {r.RateTarget}/s: delivered {r.Delivered}/{r.Expected}, incomplete {r.IncompleteMsgs}, duplicates {r.Duplicates}, errors {r.Errors}, disconnects {r.Disconnects}");
                }

                if (r.Acked != r.SentWithWarmup || r.DbRowsAdded != r.SentWithWarmup)
                {
                    failures.Add($"rooms at {r.RateTarget}/s: sent {r.SentWithWarmup}, acked {r.Acked}, message table +{r.DbRowsAdded}");
                }
            }

            if (Channel is { } c && (c.DeliveredTotal != c.ExpectedTotal || c.Duplicates > 0 || c.Errors > 0 || c.Acked != c.Reps || c.DbRowsAdded != c.Reps))
            {
                failures.Add($"channel: delivered {c.DeliveredTotal}/{c.ExpectedTotal}, duplicates {c.Duplicates}, errors {c.Errors}, acked {c.Acked}, table +{c.DbRowsAdded}");
            }

            if (Throughput is { } t && (t.Errors > 0 || t.DbRowsAdded != t.Acked))
            {
                failures.Add($"throughput: acked {t.Acked}, errors {t.Errors}, message table +{t.DbRowsAdded}");
            }

            return failures;
        }
    }

    public void Add(RoomsResult result) => Rooms.Add(result);

    public static void Write(BenchReport report, string path) => File.WriteAllText(path, JsonSerializer.Serialize(report, Json));
}
