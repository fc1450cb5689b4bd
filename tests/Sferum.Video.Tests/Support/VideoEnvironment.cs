using System.Net.NetworkInformation;
using Microsoft.Extensions.Logging.Abstractions;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Video.Tests.Support;

/// <summary>
/// The whole system with a private Janus, inside the network namespace the test run was started in
/// (scripts/in-netns.sh): everything on loopback, and Janus's media on 10.213.0.1, an address that exists only in that
/// namespace. A second pupil of 5А is added to the provider's users (the demo roster's first invented pupil).
/// </summary>
public sealed class VideoEnvironment : IAsyncLifetime
{
    public const string MediaAddress = "10.213.0.1";
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"sferum-video-tests-{Guid.NewGuid():N}");

    public PostgresServer Postgres { get; } = new();

    public SferumStack Stack { get; private set; } = null!;

    public IReadOnlyList<DemoUsers.DemoUser> Users { get; private set; } = [];

    public DemoUsers.DemoUser User(string login) => Users.Single(u => u.Login == login);

    public async Task<OidcHttpBrowser> SignedInAsync(string login)
    {
        var browser = new OidcHttpBrowser(Stack.WebUrl);
        await browser.SignInAsync(User(login).Login, User(login).Password);
        return browser;
    }

    public async Task InitializeAsync()
    {
        // Media must never leave the test's own network: refuse to run where 10.213.0.1 is not the namespace's own.
        var addresses = NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address.ToString());
        Assert.True(addresses.Contains(MediaAddress) && File.ReadAllText("/proc/self/net/dev").Contains("d0"),
            "The video tests run inside their own network namespace: scripts/in-netns.sh dotnet test tests/Sferum.Video.Tests (test.sh does it).");

        await Postgres.InitializeAsync();
        var layout = SolutionLayout.Locate();
        Directory.CreateDirectory(dataDirectory);
        var usersFile = Path.Combine(dataDirectory, "users.json");
        Users = DemoUsers.WriteWithSecondPupil(layout, usersFile);
        Stack = await SferumStack.StartAsync(new SferumStackOptions
        {
            ConnectionString = await Postgres.CreateDatabaseAsync(),
            DataDirectory = dataDirectory,
            IdentityPort = FreePorts.Next(),
            WebPort = FreePorts.Next(),
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
            ClusterId = $"video-{Guid.NewGuid():N}"[..20],
            SeedDemo = true,
            UsersFile = usersFile,
            Operators = [User(DemoUsers.OperatorLogin).Subject],
            DemoSchoolAdminSnils = User(DemoUsers.OperatorLogin).Snils,
            Video = true,
            JanusHttpPort = FreePorts.Next(),
            JanusAdminPort = FreePorts.Next(),
            JanusMediaInterface = MediaAddress,
            // A planned meeting nobody opened ends 6 s after its time (60 min in production), so the test sees it.
            // A failed recording job retries after 1 s (60 s in production).
            ExtraSiloArguments = ["--Sferum:Video:AbandonMinutes=0.1", "--Sferum:Video:RecordingRetrySeconds=1"],
            // SFERUM_TEST_ECHO=1 prints every service's output (for finding out why a test failed).
            Echo = Environment.GetEnvironmentVariable("SFERUM_TEST_ECHO") == "1" ? Console.WriteLine : null,
        }, NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        await Postgres.DisposeAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class VideoCollection : ICollectionFixture<VideoEnvironment>
{
    public const string Name = "video";
}
