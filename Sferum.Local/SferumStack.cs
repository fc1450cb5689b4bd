using Microsoft.Extensions.Logging;

namespace Sferum.Local;

/// <summary>
/// The whole system on one machine, each service a real process on 127.0.0.1: PostgreSQL (private unless a
/// connection string is given), Sferum.DevIdentity, one or more silos and Sferum.Web. Used by the run command
/// and by the end-to-end tests.
/// </summary>
public sealed class SferumStack : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly SferumStackOptions options;
    private readonly SolutionLayout layout;
    private readonly ILogger logger;
    private readonly List<ServiceProcess> silos = [];
    private LocalPostgres? postgres;
    private LocalJanus? janus;

    private SferumStack(SferumStackOptions options, SolutionLayout layout, ILogger logger)
    {
        this.options = options;
        this.layout = layout;
        this.logger = logger;
    }

    public string ConnectionString { get; private set; } = "";

    public string IdentityUrl => $"http://127.0.0.1:{options.IdentityPort}";

    public string WebUrl => $"http://127.0.0.1:{options.WebPort}";

    public LocalPostgres? Postgres => postgres;

    /// <summary>The private Janus when <see cref="SferumStackOptions.Video"/> is on.</summary>
    public LocalJanus? Janus => janus;

    public ServiceProcess? Identity { get; private set; }

    public ServiceProcess? Web { get; private set; }

    public IReadOnlyList<ServiceProcess> Silos => silos;

    public static async Task<SferumStack> StartAsync(SferumStackOptions options, ILogger logger, CancellationToken cancellationToken = default)
    {
        var stack = new SferumStack(options, SolutionLayout.Locate(), logger);
        try
        {
            await stack.StartDatabaseAsync(cancellationToken);
            await stack.StartIdentityAsync(cancellationToken);
            await stack.StartJanusAsync(cancellationToken);
            var silo = stack.StartSilo(options.SiloPort, options.GatewayPort);
            await stack.StartWebAsync(cancellationToken, silo);
            await stack.SeedDemoRosterAsync(cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more silo of the same cluster (it joins through the membership table).</summary>
    public ServiceProcess StartSilo(int siloPort, int gatewayPort)
    {
        var args = new List<string> { $"--Sferum:Demo:Seed={options.SeedDemo}" };
        if (options.DemoSchoolAdminSnils is not null)
        {
            args.Add($"--Sferum:Demo:SchoolAdminSnils={options.DemoSchoolAdminSnils}");
        }

        args.AddRange(options.Operators.Select((o, i) => $"--Sferum:Platform:Operators:{i}={o}"));
        // Silos write into the file store too (recordings, exports of personal data): the web's folder.
        args.Add($"--Sferum:Files:Folder={Path.Combine(options.DataDirectory, "files")}");
        args.AddRange(VideoArguments(forSilo: true));
        args.AddRange(options.ExtraSiloArguments);
        var silo = SiloProcess.Start(layout, ConnectionString, options.ClusterId, siloPort, gatewayPort, args, options.Echo, environment: options.Environment);
        silos.Add(silo);
        return silo;
    }

    /// <summary>Waits until a silo listening on <paramref name="siloPort"/> is Active in the membership table.</summary>
    public Task WaitForActiveSiloAsync(int siloPort, CancellationToken cancellationToken = default) =>
        Membership.WaitForActiveSiloAsync(ConnectionString, options.ClusterId, siloPort, StartTimeout, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        var grace = TimeSpan.FromSeconds(15);
        var services = new[] { Web }.Concat(silos).Append(Identity).OfType<ServiceProcess>().ToList();
        await Task.WhenAll(services.Select(s => s.StopAsync(grace)));
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }

        if (janus is not null)
        {
            await janus.DisposeAsync();
        }

        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }

    private async Task StartJanusAsync(CancellationToken cancellationToken)
    {
        if (options.Video)
        {
            janus = await LocalJanus.StartAsync(Path.Combine(options.DataDirectory, "janus"), options.JanusHttpPort, options.JanusAdminPort, logger,
                options.JanusMediaInterface, options.Echo, cancellationToken);
        }
    }

    /// <summary>Kills Janus (as a crash would) and starts it again with the same configuration and secrets; rooms are gone.</summary>
    public async Task RestartJanusAsync(CancellationToken cancellationToken = default)
    {
        if (janus is null)
        {
            throw new InvalidOperationException("This stack runs without video.");
        }

        janus.Process.Kill();
        await janus.Process.WaitForExitAsync(cancellationToken);
        await janus.DisposeAsync();
        janus = null;
        await StartJanusAsync(cancellationToken);
    }

    /// <summary>Janus's addresses and secrets; silos also get the recordings folder.</summary>
    private IEnumerable<string> VideoArguments(bool forSilo)
    {
        if (janus is null)
        {
            yield break;
        }

        yield return $"--Sferum:Video:JanusUrl={janus.HttpUrl}";
        yield return $"--Sferum:Video:ApiSecret={janus.ApiSecret}";
        if (forSilo)
        {
            yield return $"--Sferum:Video:AdminUrl={janus.AdminUrl}";
            yield return $"--Sferum:Video:AdminSecret={janus.AdminSecret}";
            yield return $"--Sferum:Video:RoomAdminKey={janus.RoomAdminKey}";
            yield return $"--Sferum:Video:RecordingsFolder={janus.RecordingsFolder}";
        }
    }

    private async Task StartDatabaseAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            ConnectionString = options.ConnectionString;
            return;
        }

        postgres = await LocalPostgres.StartAsync(new LocalPostgresOptions
        {
            RootDirectory = Path.Combine(options.DataDirectory, "postgres"),
            Port = options.PostgresPort,
            Settings = options.PostgresSettings,
        }, logger, cancellationToken);
        ConnectionString = postgres.ConnectionString;
    }

    private async Task StartIdentityAsync(CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            $"--urls={IdentityUrl}",
            $"--DevIdentity:Clients:0:RedirectUris:0={WebUrl}/signin-oidc",
            $"--DevIdentity:Clients:0:PostLogoutRedirectUris:0={WebUrl}/signout-callback-oidc",
            $"--DevIdentity:KeysFolder={Path.Combine(options.DataDirectory, "identity-keys")}",
        };
        if (options.UsersFile is not null)
        {
            args.Add($"--DevIdentity:UsersFile={options.UsersFile}");
        }

        args.AddRange(options.ExtraIdentityArguments);

        Identity = ServiceProcess.Start("identity", layout.BuiltDll("Sferum.DevIdentity"), layout.ProjectDirectory("Sferum.DevIdentity"), args,
            ChildEnvironment.With(options.Environment, ("ASPNETCORE_ENVIRONMENT", "Development")), options.Echo);
        await HttpWait.UntilOkAsync($"{IdentityUrl}/.well-known/openid-configuration", StartTimeout, Identity, cancellationToken);
    }

    private async Task SeedDemoRosterAsync(CancellationToken cancellationToken)
    {
        if (!options.SeedDemo)
        {
            return;
        }

        var users = options.UsersFile is null ? DemoUsers.ReadShipped(layout) : DemoUsers.Read(options.UsersFile);
        var status = await DemoRosterPush.PushAsync(IdentityUrl, WebUrl, users, cancellationToken);
        logger.LogInformation("Demo roster pushed through the journal API: {Status}", status);
    }

    private async Task StartWebAsync(CancellationToken cancellationToken, ServiceProcess silo)
    {
        var webArguments = VideoArguments(forSilo: false).Concat(options.ExtraWebArguments)
            .Prepend($"--Sferum:Files:Folder={Path.Combine(options.DataDirectory, "files")}").ToList();
        Web = WebProcess.Start(layout, ConnectionString, options.ClusterId, options.WebPort, IdentityUrl, webArguments, options.Echo, options.Environment);
        // The web node is ready only once the silo answers: waiting for the silo first (it starts meanwhile) says,
        // with the silo's own output, why when it is the silo that fails.
        await Membership.WaitForActiveSiloAsync(ConnectionString, options.ClusterId, options.SiloPort, StartTimeout, cancellationToken, silo);
        await HttpWait.UntilOkAsync($"{WebUrl}/health/ready", StartTimeout, Web, cancellationToken);
    }
}
