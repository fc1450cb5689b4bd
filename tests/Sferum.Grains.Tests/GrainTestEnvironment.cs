using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using Sferum.Database;
using Sferum.Local;
using Sferum.Silo.Hosting;
using Sferum.Testing;

namespace Sferum.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster whose grain storage and reminders are a real PostgreSQL database, migrated with
/// the project's own schema — the same persistence wiring as the production silo.
/// </summary>
public sealed class GrainTestEnvironment : IAsyncLifetime
{
    public const string OperatorSnils = "112-233-445 95";

    /// <summary>
    /// The latest Friday up to today on the test schools' clock (Moscow): a request can have arrived then (not in the
    /// future, within a year), and the Monday after it is configured as a holiday, so due dates counted from it must
    /// skip both a weekend and a holiday. Today itself when it is a Friday: a Friday a week back made the shortest
    /// deadline (six days) fall due yesterday, and the queue tests failed every Friday.
    /// </summary>
    public static readonly DateOnly LastFriday = LatestFridayUpTo(DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime));

    public static DateOnly Holiday => LastFriday.AddDays(3);
    private readonly PostgresServer postgres = new();

    public TestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The port the silo's e-mail digests are sent to; the digest tests start an SMTP server there.</summary>
    public int SmtpPort { get; } = FreePorts.Next();

    public const string DigestPublicUrl = "https://sferum.school.test";

    /// <summary>Another database on the same server with the project's schema, for tests that must break things.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(connectionString, NullLogger.Instance);
        return connectionString;
    }

    /// <summary>Another database on the same server without any schema, for tests of the migrations themselves.</summary>
    public Task<string> CreateEmptyDatabaseAsync() => postgres.CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        ConnectionString = await postgres.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(ConnectionString, NullLogger.Instance);

        var builder = new TestClusterBuilder(1);
        builder.Properties["ConnectionStrings:Sferum"] = ConnectionString;
        builder.Properties["Sferum:Platform:Operators:0"] = OperatorSnils;
        // Not the default (30), so that the consent tests prove the configured period is the one used.
        builder.Properties["Sferum:PersonalData:ConsentWithdrawalDestroyDays"] = "12";
        builder.Properties["Sferum:PersonalData:Holidays:0"] = Holiday.ToString("yyyy-MM-dd");
        // Planned meetings need video configured; nothing here takes a meeting live (there is no Janus in these tests,
        // and the discard port refuses at once).
        builder.Properties["Sferum:Video:JanusUrl"] = "http://127.0.0.1:9/janus";
        builder.Properties["Sferum:Video:AdminUrl"] = "http://127.0.0.1:9/admin";
        // E-mail digests go to the digest tests' SMTP server (nothing else here turns a digest on), retried within seconds.
        builder.Properties["Sferum:Digest:Enabled"] = "true";
        builder.Properties["Sferum:Digest:PublicUrl"] = DigestPublicUrl;
        builder.Properties["Sferum:Digest:Smtp:Host"] = "127.0.0.1";
        builder.Properties["Sferum:Digest:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Properties["Sferum:Digest:Smtp:Tls"] = "None";
        builder.Properties["Sferum:Digest:Smtp:From"] = "sferum@school.test";
        builder.Properties["Sferum:Digest:Smtp:TimeoutSeconds"] = "5";
        builder.Properties["Sferum:Digest:RetryMinutes"] = "0.05";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }

        await postgres.DisposeAsync();
    }

    private static DateOnly LatestFridayUpTo(DateOnly today)
    {
        var day = today;
        while (day.DayOfWeek != DayOfWeek.Friday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            siloBuilder.UseSferumPersistence(configuration.GetConnectionString("Sferum")!);
            siloBuilder.Services.AddSferumGrains(configuration);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GrainCollection : ICollectionFixture<GrainTestEnvironment>
{
    public const string Name = "grains";
}
