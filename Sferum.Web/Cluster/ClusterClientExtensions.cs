using Orleans.Configuration;
using Orleans.Dashboard;
using Sferum.Common;

namespace Sferum.Web.Cluster;

public static class ClusterClientExtensions
{
    /// <summary>
    /// Makes the portal an Orleans client that finds the silos' gateways in the ADO.NET membership table. The client
    /// keeps retrying while no silo is up, and host services start concurrently so the portal (and its readiness
    /// endpoint, red meanwhile) is served from the start.
    /// </summary>
    public static WebApplicationBuilder AddSferumCluster(this WebApplicationBuilder builder, string connectionString)
    {
        var clusterId = builder.Configuration.GetValue("Orleans:ClusterId", "sferum")!;
        var serviceId = builder.Configuration.GetValue("Orleans:ServiceId", "sferum")!;
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            // How often the list of gateways is read again: a silo that was declared dead (killed, or frozen past
            // its probes) stops receiving this node's calls within this period. Orleans' default is a minute.
            client.Configure<GatewayOptions>(builder.Configuration.GetSection("Orleans:Gateway"));
            // How long a call from this node waits for its answer. A silo frozen (not dead) holds the calls it was sent
            // until it wakes: Orleans' 30 s default kept a person's message hanging that long; after this the page is
            // told the send is unconfirmed and retries it with the same client id (README: Reliability).
            client.Configure<ClientMessagingOptions>(builder.Configuration.GetSection("Orleans:Messaging"));
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.AddActivityPropagation();
            client.AddDashboard(o => o.HideTrace = true);
            client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        return builder;
    }
}
