namespace Sferum.Bench.Chat;

/// <summary>Command-line settings; defaults are the short run that CI could afford, README names the full one.</summary>
public sealed class BenchOptions
{
    public int Chats { get; set; } = 100;

    public int Members { get; set; } = 30;

    /// <summary>Connected members per chat during the latency phase.</summary>
    public int Online { get; set; } = 30;

    public int Rate { get; set; } = 1000;

    public int Seconds { get; set; } = 10;

    public int ThroughputSenders { get; set; } = 256;

    public int ChannelMembers { get; set; } = 2000;

    public int IdleConnections { get; set; } = 10_000;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = int.Parse(args[i + 1]);
            switch (args[i++])
            {
                case "--chats": o.Chats = value; break;
                case "--members": o.Members = value; break;
                case "--online": o.Online = value; break;
                case "--rate": o.Rate = value; break;
                case "--seconds": o.Seconds = value; break;
                case "--senders": o.ThroughputSenders = value; break;
                case "--channel-members": o.ChannelMembers = value; break;
                case "--idle": o.IdleConnections = value; break;
                default: throw new ArgumentException($"Unknown argument {args[i - 1]}");
            }
        }

        return o;
    }
}
