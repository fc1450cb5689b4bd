namespace Sferum.Local;

/// <summary>How to run the whole system on one machine (the run command's defaults; tests pass free ports).</summary>
public sealed class SferumStackOptions
{
    /// <summary>An existing PostgreSQL; null starts a private cluster under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Folder for the private PostgreSQL cluster and other local state.</summary>
    public required string DataDirectory { get; init; }

    public int PostgresPort { get; init; } = 55432;

    public int IdentityPort { get; init; } = 5100;

    public int WebPort { get; init; } = 5000;

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    /// <summary>Orleans cluster id; tests use a fresh one per run so that old membership rows never interfere.</summary>
    public string ClusterId { get; init; } = "sferum";

    /// <summary>DevIdentity's users file; null uses the demo users shipped with it.</summary>
    public string? UsersFile { get; init; }

    /// <summary>Platform operators (subjects or SNILS) given to the silos.</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];

    public bool SeedDemo { get; init; }

    /// <summary>With <see cref="SeedDemo"/>: the SNILS of the demo school's admin (the demo "admin" user's).</summary>
    public string? DemoSchoolAdminSnils { get; init; }

    /// <summary>Receives every line the services print, prefixed with the service's name.</summary>
    public Action<string>? Echo { get; init; }

    /// <summary>More settings (<c>name=value</c>) for the private PostgreSQL server.</summary>
    public IReadOnlyList<string> PostgresSettings { get; init; } = [];

    /// <summary>More <c>--Key=value</c> settings for every silo (e.g. membership timings in tests).</summary>
    public IReadOnlyList<string> ExtraSiloArguments { get; init; } = [];

    /// <summary>More <c>--Key=value</c> settings for the portal.</summary>
    public IReadOnlyList<string> ExtraWebArguments { get; init; } = [];

    /// <summary>Environment variables for every service (e.g. <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Starts a private Janus for video meetings (its folder under <see cref="DataDirectory"/>) and gives every silo and
    /// the portal its addresses and secrets. Off: video meetings are not offered.
    /// </summary>
    public bool Video { get; init; }

    public int JanusHttpPort { get; init; } = 8088;

    public int JanusAdminPort { get; init; } = 7088;

    /// <summary>The interface Janus sends media on (Janus cannot use loopback; tests name their namespace's own).</summary>
    public string? JanusMediaInterface { get; init; }

    /// <summary>More <c>--Key=value</c> settings for Sferum.DevIdentity (e.g. another redirect URI).</summary>
    public IReadOnlyList<string> ExtraIdentityArguments { get; init; } = [];
}
