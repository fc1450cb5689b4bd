using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using Sferum.Telemetry;
using Sferum.Silo.Demo;

namespace Sferum.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Everything a production silo needs: schema migration, ADO.NET clustering, storage, reminders, telemetry.</summary>
    public static HostApplicationBuilder AddSferumSilo(this HostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Sferum");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new MissingConfigurationException("ConnectionStrings:Sferum");
        }

        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        // E-mail digests, when turned on, need their SMTP server, sender and the portal's address.
        if (Sferum.Digest.DigestServiceCollectionExtensions.MissingKeys(builder.Configuration) is [var missing, ..])
        {
            throw new MissingConfigurationException(missing);
        }

        // Registered before Orleans so that it runs, and can fail, before the silo joins the cluster.
        builder.Services.AddHostedService(sp => new DatabaseMigrationService(connectionString, sp.GetRequiredService<ILogger<DatabaseMigrationService>>()));
        builder.Services.AddSferumGrains(builder.Configuration);
        builder.AddSferumTelemetry("sferum-silo", web: false);

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
            // Trace context travels with grain calls: one trace from the hub through the grains to the delivering node.
            silo.AddActivityPropagation();
            // The Orleans dashboard, shown by the web nodes to operators (README: Observability). Its live log view
            // stays off: logs are for the operator's log store, not a browser tab.
            silo.AddDashboard(o => o.HideTrace = true);
        });

        // After Orleans: these run once the silo is up.
        builder.Services.AddHostedService<PersonalData.RetentionSchedule>();
        builder.Services.AddHostedService<IncidentSignalsStarter>();
        builder.Services.AddHostedService<PersonalDataJobStarter>();
        if (builder.Configuration.GetValue<bool>($"{Sferum.Digest.DigestOptions.Section}:Enabled"))
        {
            builder.Services.AddHostedService<DigestStarter>();
        }
        if (builder.Configuration.GetValue<bool>(DemoSeeder.EnabledKey))
        {
            builder.Services.AddHostedService<DemoSeeder>();
        }

        return builder;
    }
}
