using Orleans.Configuration;
using Orleans.Storage;
using Sferum.Common;
using Sferum.Platform;

namespace Sferum.Silo.Hosting;

/// <summary>The parts of a Sferum silo that tests reuse: storage, reminders and streams on PostgreSQL.</summary>
public static class SiloBuilderExtensions
{
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Grain storage (Default and PubSubStore) and reminders in PostgreSQL; chat streams.</summary>
    public static ISiloBuilder UseSferumPersistence(this ISiloBuilder silo, string connectionString, SiloOptions? options = null)
    {
        options ??= new SiloOptions();
        foreach (var name in new[] { GrainStorage.Default, GrainStorage.PubSub })
        {
            silo.AddAdoNetGrainStorage(name, (OptionsBuilder<AdoNetGrainStorageOptions> o) => o.Configure<Orleans.Serialization.Serializer>((storage, serializer) =>
            {
                storage.Invariant = AdoNetInvariant;
                storage.ConnectionString = connectionString;
                // Orleans' own binary format: [Id]s and [Alias]es keep stored state readable across renames.
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        }

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });

        silo.AddMemoryStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigurePartitioning(options.StreamQueues);
            streams.ConfigurePullingAgent(agent => agent.Configure(o =>
                o.GetQueueMsgsTimerPeriod = TimeSpan.FromMilliseconds(options.StreamPollingPeriodMs)));
        });

        return silo;
    }
}
