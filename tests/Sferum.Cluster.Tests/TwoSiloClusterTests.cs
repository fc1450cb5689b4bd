using Sferum.Identity;
using Sferum.Local;
using Sferum.Testing;

namespace Sferum.Cluster.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TwoSiloClusterTests(PostgresServer postgres) : ClusterTestBase(postgres)
{
    private static ExternalIdentity Identity(string subject) =>
        new("esia", subject, new PersonName("Кузнецова", "Ольга", null), null, null, false, null, false, TrustLevel.Standard);

    private static Task<UserProfile> SignInAsync(IClusterClient client, ExternalIdentity identity) =>
        client.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor(identity.Provider, identity.Subject)).SignInAsync(identity);

    [Fact]
    public async Task Two_silos_form_one_cluster_and_a_client_reaches_the_same_grains_through_either()
    {
        var (_, portA, gatewayA) = await StartSiloAsync();
        var (_, portB, gatewayB) = await StartSiloAsync();

        Assert.Equal(Membership.Active, await Membership.SiloStatusAsync(ConnectionString, ClusterId, portA));
        Assert.Equal(Membership.Active, await Membership.SiloStatusAsync(ConnectionString, ClusterId, portB));

        var throughA = await ConnectToGatewayAsync(gatewayA);
        var throughB = await ConnectToGatewayAsync(gatewayB);
        var created = await SignInAsync(throughA, Identity($"two-silos-{Guid.NewGuid()}"));

        var seenThroughB = await throughB.GetGrain<IUserGrain>(created.UserId).GetProfileAsync();

        Assert.Equal(created, seenThroughB);
    }

    [Fact]
    public async Task User_state_survives_a_restart_of_the_whole_cluster()
    {
        var (silo, _, gateway) = await StartSiloAsync();
        var created = await SignInAsync(await ConnectToGatewayAsync(gateway), Identity($"restart-{Guid.NewGuid()}"));

        await silo.StopAsync(TimeSpan.FromSeconds(20));
        Assert.True(silo.HasExited);
        var (_, _, newGateway) = await StartSiloAsync();
        var afterRestart = await (await ConnectToGatewayAsync(newGateway)).GetGrain<IUserGrain>(created.UserId).GetProfileAsync();

        Assert.Equal(created, afterRestart);
    }

    [Fact]
    public async Task When_a_silo_is_killed_the_other_keeps_serving_and_its_grains_reactivate_there()
    {
        var (_, portA, _) = await StartSiloAsync();
        var (siloB, portB, gatewayB) = await StartSiloAsync();

        // Calls through B's gateway activate the users' grains on B (Orleans places new activations near the caller).
        var throughB = await ConnectToGatewayAsync(gatewayB);
        var users = new List<UserProfile>();
        for (var i = 0; i < 10; i++)
        {
            users.Add(await SignInAsync(throughB, Identity($"kill-{i}-{Guid.NewGuid()}")));
        }

        var client = await ConnectThroughMembershipAsync();
        siloB.Kill();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var served = new List<UserProfile?>();
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                served = (await Task.WhenAll(users.Select(u => client.GetGrain<IUserGrain>(u.UserId).GetProfileAsync()))).ToList();
                break;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                // Until the cluster declares B dead, calls routed to B fail; the client retries as a web node would.
                await Task.Delay(500);
            }
        }

        Assert.Equal(users.Cast<UserProfile?>(), served);
        Assert.Equal(Membership.Active, await Membership.SiloStatusAsync(ConnectionString, ClusterId, portA));
        Assert.Equal(Membership.Dead, await Membership.SiloStatusAsync(ConnectionString, ClusterId, portB));
    }

    [Fact]
    public async Task A_silo_whose_database_is_unreachable_names_it_and_exits_non_zero()
    {
        var closedPort = FreePorts.Next();
        var unreachable = $"Host=127.0.0.1;Port={closedPort};Database=sferum;Username=sferum;Password=secret;Timeout=3";

        await using var silo = SiloProcess.Start(Layout, unreachable, ClusterId, FreePorts.Next(), FreePorts.Next());
        await silo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, silo.ExitCode);
        Assert.Contains($"Host=127.0.0.1;Port={closedPort};Database=sferum;Username=sferum", silo.RecentOutput);
        Assert.DoesNotContain("secret", silo.RecentOutput);
    }
}
