using System.Net;
using Orleans.Configuration;
using Sferum.Silo.Demo;

namespace Sferum.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Everything a production silo needs: schema migration, ADO.NET clustering, storage, reminders, streams.</summary>
    public static HostApplicationBuilder AddSferumSilo(this HostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Sferum");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new MissingConfigurationException("ConnectionStrings:Sferum");
        }

        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();

        // Registered before Orleans so that it runs, and can fail, before the silo joins the cluster.
        builder.Services.AddHostedService(sp => new DatabaseMigrationService(connectionString, sp.GetRequiredService<ILogger<DatabaseMigrationService>>()));
        builder.Services.AddSferumGrains(builder.Configuration);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = options.ClusterId;
                o.ServiceId = options.ServiceId;
            });
            // Failure detection timings (ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, …);
            // Orleans' defaults unless configured. README.md (Reliability) says which values we use and why.
            silo.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
            silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIp), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = SiloBuilderExtensions.AdoNetInvariant;
                o.ConnectionString = connectionString;
            });
            silo.UseSferumPersistence(connectionString);
        });

        // After Orleans: runs once the silo is up.
        if (builder.Configuration.GetValue<bool>(DemoSeeder.EnabledKey))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }
}
