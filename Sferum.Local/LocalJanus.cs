using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Sferum.Local;

/// <summary>
/// A private Janus (Debian package <c>janus</c>) for the run command and the tests, started like the private
/// PostgreSQL: its configuration written into a folder of our own, its HTTP API and admin API on 127.0.0.1 only, only
/// the VideoRoom plugin and the HTTP transport loaded, and its secrets generated at first start and kept beside it.
/// </summary>
public sealed class LocalJanus : IAsyncDisposable
{
    public const string Binary = "/usr/bin/janus";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly ServiceProcess process;

    private LocalJanus(ServiceProcess process, int httpPort, int adminPort, string adminSecret, string roomAdminKey, string apiSecret,
        string recordings)
    {
        ApiSecret = apiSecret;
        RecordingsFolder = recordings;
        this.process = process;
        HttpUrl = $"http://127.0.0.1:{httpPort}/janus";
        AdminUrl = $"http://127.0.0.1:{adminPort}/admin";
        AdminSecret = adminSecret;
        RoomAdminKey = roomAdminKey;
    }

    /// <summary>The Janus HTTP API (what <c>Sferum:Video:JanusUrl</c> names).</summary>
    public string HttpUrl { get; }

    /// <summary>The admin API: the backend drives rooms through it.</summary>
    public string AdminUrl { get; }

    public string AdminSecret { get; }

    /// <summary>Janus's <c>api_secret</c>: without it the client API refuses every request (only Sferum's proxy has it).</summary>
    public string ApiSecret { get; }

    /// <summary>Where rooms record (each meeting its own folder below).</summary>
    public string RecordingsFolder { get; }

    /// <summary>The VideoRoom plugin's <c>admin_key</c>: only the backend creates rooms.</summary>
    public string RoomAdminKey { get; }

    public ServiceProcess Process => process;

    /// <param name="mediaInterface">The address media uses (Janus skips loopback: shared/notes/video.md); null for none.</param>
    public static async Task<LocalJanus> StartAsync(
        string rootDirectory, int httpPort, int adminPort, ILogger logger, string? mediaInterface = null, Action<string>? echo = null,
        CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Binary))
        {
            throw new FileNotFoundException($"Janus is not installed ({Binary}): apt-get install janus.", Binary);
        }

        var config = Path.Combine(rootDirectory, "config");
        Directory.CreateDirectory(config);
        var adminSecret = await SecretAsync(Path.Combine(rootDirectory, "admin-secret"), cancellationToken);
        var roomKey = await SecretAsync(Path.Combine(rootDirectory, "room-admin-key"), cancellationToken);
        var apiSecret = await SecretAsync(Path.Combine(rootDirectory, "api-secret"), cancellationToken);
        var recordings = Path.Combine(rootDirectory, "recordings");
        Directory.CreateDirectory(recordings);
        await JanusConfig.WriteAsync(config, httpPort, adminPort, adminSecret, roomKey, apiSecret, mediaInterface, cancellationToken);

        var service = ServiceProcess.StartProgram("janus", Binary, rootDirectory,
            ["-C", Path.Combine(config, "janus.jcfg"), "-F", config, "-o", "-d", "3"], echo: echo);
        var janus = new LocalJanus(service, httpPort, adminPort, adminSecret, roomKey, apiSecret, Path.GetFullPath(recordings));
        try
        {
            await HttpWait.UntilOkAsync($"{janus.HttpUrl}/info", StartTimeout, service, cancellationToken);
        }
        catch
        {
            await janus.DisposeAsync();
            throw;
        }

        logger.LogInformation("Janus listening on {Url}", janus.HttpUrl);
        return janus;
    }

    public async ValueTask DisposeAsync() => await process.DisposeAsync();

    private static async Task<string> SecretAsync(string path, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            return (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        }

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        await File.WriteAllTextAsync(path, secret, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return secret;
    }
}
