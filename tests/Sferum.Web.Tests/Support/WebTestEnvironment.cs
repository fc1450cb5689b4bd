using Microsoft.Extensions.Logging.Abstractions;
using Sferum.Local;
using Sferum.Testing;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// The whole system as real processes on free loopback ports: a private PostgreSQL, Sferum.DevIdentity with its
/// demo users, one silo (demo data seeded, the demo admin an operator) and Sferum.Web. A spare web port is registered
/// with the provider so that a test can start a second, differently configured portal.
/// </summary>
public sealed class WebTestEnvironment : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"sferum-web-tests-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly Action<string>? echo;

    public WebTestEnvironment()
        : this(new Dictionary<string, string>(), null)
    {
    }

    private WebTestEnvironment(IReadOnlyDictionary<string, string> environment, Action<string>? echo)
    {
        this.environment = environment;
        this.echo = echo;
    }

    /// <summary>A stack of its own whose services get <paramref name="environment"/> and print every line to <paramref name="echo"/>.</summary>
    public static WebTestEnvironment With(IReadOnlyDictionary<string, string> environment, Action<string> echo) => new(environment, echo);

    /// <summary>The stack's data folder: its file store is <c>files/</c> in it.</summary>
    public string DataDirectory => dataDirectory;

    public PostgresServer Postgres { get; } = new();

    public SferumStack Stack { get; private set; } = null!;

    public SolutionLayout Layout { get; } = SolutionLayout.Locate();

    public IReadOnlyList<DemoUsers.DemoUser> Users { get; private set; } = [];

    public int SpareWebPort { get; } = FreePorts.Next();

    public string ClusterId { get; } = $"web-{Guid.NewGuid():N}"[..20];

    public DemoUsers.DemoUser User(string login) => Users.Single(u => u.Login == login);

    /// <summary>A new HTTP browser signed in as the demo user through the real OIDC round trip.</summary>
    public async Task<OidcHttpBrowser> SignedInAsync(string login)
    {
        var browser = new OidcHttpBrowser(Stack.WebUrl);
        await browser.SignInAsync(User(login).Login, User(login).Password);
        return browser;
    }

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        Users = DemoUsers.ReadShipped(Layout);
        Stack = await SferumStack.StartAsync(new SferumStackOptions
        {
            ConnectionString = await Postgres.CreateDatabaseAsync(),
            DataDirectory = dataDirectory,
            IdentityPort = FreePorts.Next(),
            WebPort = FreePorts.Next(),
            SiloPort = FreePorts.Next(),
            GatewayPort = FreePorts.Next(),
            ClusterId = ClusterId,
            SeedDemo = true,
            Operators = [User(DemoUsers.OperatorLogin).Subject],
            DemoSchoolAdminSnils = User(DemoUsers.OperatorLogin).Snils,
            // Quiet-hours tests change the policy and expect chats to follow at once, not within the production minute.
            ExtraSiloArguments = ["--Sferum:Chats:QuietHoursRefreshSeconds=0"],
            ExtraIdentityArguments = [$"--DevIdentity:Clients:0:RedirectUris:1=http://127.0.0.1:{SpareWebPort}/signin-oidc"],
            Environment = environment,
            Echo = echo,
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
public sealed class WebCollection : ICollectionFixture<WebTestEnvironment>
{
    public const string Name = "web";
}
