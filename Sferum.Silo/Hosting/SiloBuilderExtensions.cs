using Orleans.Configuration;
using Orleans.Storage;
using Sferum.Platform;

namespace Sferum.Silo.Hosting;

/// <summary>The parts of a Sferum silo that tests reuse: storage and reminders on PostgreSQL.</summary>
public static class SiloBuilderExtensions
{
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Grain storage and reminders in PostgreSQL.</summary>
    public static ISiloBuilder UseSferumPersistence(this ISiloBuilder silo, string connectionString)
    {
        silo.AddAdoNetGrainStorage(GrainStorage.Default, (OptionsBuilder<AdoNetGrainStorageOptions> o) => o.Configure<Orleans.Serialization.Serializer>((storage, serializer) =>
        {
            storage.Invariant = AdoNetInvariant;
            storage.ConnectionString = connectionString;
            // Orleans' own binary format: [Id]s and [Alias]es keep stored state readable across renames.
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            // A cleared state leaves no row: an erased identity link's row is keyed by the provider's subject itself.
            storage.DeleteStateOnClear = true;
        }));

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariant;
            o.ConnectionString = connectionString;
        });

        return silo;
    }
}
