using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Sferum.Local;
using Sferum.Testing;

namespace Sferum.Cluster.Tests;

/// <summary>
/// Each test gets its own database and cluster id, and runs real Sferum.Silo processes on free loopback ports,
/// with clients that are real Orleans clients. Everything started is stopped at the end.
/// </summary>
public abstract class ClusterTestBase(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>Fast failure detection for tests: a killed silo is declared dead within a few seconds.</summary>
    protected static readonly string[] FastMembership =
    [
        "--Orleans:Membership:ProbeTimeout=00:00:01",
        "--Orleans:Membership:NumMissedProbesLimit=2",
        "--Orleans:Membership:NumVotesForDeathDeclaration=1",
        "--Orleans:Membership:IAmAliveTablePublishTimeout=00:00:05",
    ];

    private readonly List<ServiceProcess> silos = [];
    private readonly List<IHost> clients = [];

    protected string ConnectionString { get; private set; } = "";

    protected string ClusterId { get; } = $"test-{Guid.NewGuid():N}"[..20];

    protected SolutionLayout Layout { get; } = SolutionLayout.Locate();

    public async Task InitializeAsync() => ConnectionString = await postgres.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            try
            {
                await client.StopAsync(TimeSpan.FromSeconds(5));
            }
            finally
            {
                client.Dispose();
            }
        }

        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>
    /// A teacher signed in through the identity index and a group chat of one school with her as its moderator, as the
    /// school's chats grain would create it.
    /// </summary>
    protected async Task<(Guid ChatId, Guid TeacherId)> CreateGroupChatAsync(IClusterClient client)
    {
        var subject = $"teacher-{Guid.NewGuid()}";
        var teacher = await client.GetGrain<Sferum.Identity.IIdentityIndexGrain>(Sferum.Identity.IIdentityIndexGrain.KeyFor("esia", subject))
            .SignInAsync(new Sferum.Identity.ExternalIdentity("esia", subject, new Sferum.Identity.PersonName("Орлова", "Вера", null), null, null, false,
                null, false, Sferum.Identity.TrustLevel.Standard));
        var chatId = Guid.NewGuid();
        await Sql.ExecuteAsync(ConnectionString, """
            INSERT INTO chats (chat_id, school_id, kind, title, created_by) VALUES (@chat, @school, 3, 'Методобъединение', @user);
            INSERT INTO chat_members (chat_id, user_id, moderator) VALUES (@chat, @user, true);
            """, ("chat", chatId), ("school", Guid.NewGuid()), ("user", teacher.UserId));
        return (chatId, teacher.UserId);
    }

    protected async Task<(ServiceProcess Silo, int SiloPort, int GatewayPort)> StartSiloAsync(params string[] extraArguments)
    {
        var (siloPort, gatewayPort) = (FreePorts.Next(), FreePorts.Next());
        var silo = SiloProcess.Start(Layout, ConnectionString, ClusterId, siloPort, gatewayPort, FastMembership.Concat(extraArguments));
        silos.Add(silo);
        await Membership.WaitForActiveSiloAsync(ConnectionString, ClusterId, siloPort, TimeSpan.FromSeconds(60))
            .WaitAsync(TimeSpan.FromSeconds(61));
        Assert.False(silo.HasExited, silo.RecentOutput);
        return (silo, siloPort, gatewayPort);
    }

    /// <summary>A client that talks only to the given gateway.</summary>
    protected Task<IClusterClient> ConnectToGatewayAsync(int gatewayPort) =>
        ConnectAsync(client => client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gatewayPort)));

    /// <summary>A client that finds the gateways in the membership table, as the web nodes do.</summary>
    protected Task<IClusterClient> ConnectThroughMembershipAsync() =>
        ConnectAsync(client => client.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = ConnectionString;
        }));

    private async Task<IClusterClient> ConnectAsync(Action<IClientBuilder> clustering)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = "sferum";
            });
            clustering(client);
        });
        var host = builder.Build();
        clients.Add(host);
        await host.StartAsync();
        return host.Services.GetRequiredService<IClusterClient>();
    }
}
