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
}
