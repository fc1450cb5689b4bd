namespace Sferum.Silo.Hosting;

/// <summary>Where this silo listens and which cluster it joins (configuration section <c>Orleans</c>).</summary>
public sealed class SiloOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "sferum";

    public string ServiceId { get; set; } = "sferum";

    /// <summary>Silo-to-silo port; each silo on one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port web nodes (clients) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one at.</summary>
    public string AdvertisedIp { get; set; } = "127.0.0.1";

    /// <summary>How often the memory-stream pulling agents look for events (the default 100 ms would delay live chat).</summary>
    public int StreamPollingPeriodMs { get; set; } = 10;

    /// <summary>Memory-stream queues; fewer queues cost less idle CPU at the same latency.</summary>
    public int StreamQueues { get; set; } = 2;
}
