namespace Sferum.Bench.Chat;

/// <summary>
/// The load's shape. The environment knobs are the peer harness's (<c>../shared/peer/ejabberd/bench.sh</c>), so that
/// one line sets both sides of a comparison; a command-line flag overrides its knob (<c>--rates "200 500"</c>).
/// </summary>
public sealed class BenchOptions
{
    /// <summary>R: chats of the rooms case.</summary>
    public int Rooms { get; set; } = 100;

    /// <summary>M: members per chat, each its own connection (R × M connections).</summary>
    public int Members { get; set; } = 30;

    /// <summary>Total messages per second of each rooms run, one run per rate.</summary>
    public List<int> Rates { get; set; } = [200, 500, 1000];

    public double Duration { get; set; } = 60;

    public double Warmup { get; set; } = 5;

    /// <summary>Longest wait after the window for deliveries still on their way.</summary>
    public double Drain { get; set; } = 10;

    /// <summary>Members of the channel case's chat (0 skips it).</summary>
    public int Channel { get; set; } = 2000;

    /// <summary>Posts of the channel case, one at a time.</summary>
    public int Reps { get; set; } = 20;

    public double Interval { get; set; } = 2;

    /// <summary>Seconds of the closed-loop acceptance measure (senders waiting for their commit); 0 skips it.</summary>
    public double Throughput { get; set; } = 10;

    public int ThroughputSenders { get; set; } = 256;

    /// <summary>Where every figure goes as JSON (null: not written).</summary>
    public string? Out { get; set; }

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        var values = Knobs.Read(["ROOMS", "MEMBERS", "RATES", "DURATION", "WARMUP", "DRAIN", "CHANNEL", "REPS", "INTERVAL", "THROUGHPUT", "SENDERS", "OUT"], args);
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "ROOMS": o.Rooms = int.Parse(value); break;
                case "MEMBERS": o.Members = int.Parse(value); break;
                case "RATES": o.Rates = value.Split(' ', ',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList(); break;
                case "DURATION": o.Duration = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "WARMUP": o.Warmup = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "DRAIN": o.Drain = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "CHANNEL": o.Channel = int.Parse(value); break;
                case "REPS": o.Reps = int.Parse(value); break;
                case "INTERVAL": o.Interval = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "THROUGHPUT": o.Throughput = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "SENDERS": o.ThroughputSenders = int.Parse(value); break;
                case "OUT": o.Out = value; break;
                default: throw new ArgumentException($"Unknown setting {name}");
            }
        }

        if (o.Rooms < 1 || o.Members < 2 || o.Rates.Any(r => r < 1) || o.Duration <= 0 || o.Channel is 1 or < 0)
        {
            throw new ArgumentException("ROOMS ≥ 1, MEMBERS ≥ 2, every rate ≥ 1, DURATION > 0 and CHANNEL 0 or ≥ 2 are needed.");
        }

        return o;
    }
}
