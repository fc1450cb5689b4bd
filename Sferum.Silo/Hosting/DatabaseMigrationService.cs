using Sferum.Database;

namespace Sferum.Silo.Hosting;

/// <summary>
/// Brings the database schema up to date before the silo starts (it is registered ahead of Orleans, and hosted
/// services start in order). Fails the start, naming the server, when PostgreSQL cannot be reached.
/// </summary>
internal sealed class DatabaseMigrationService(string connectionString, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Checking database schema at {Database}", DatabaseConnections.Describe(connectionString));
        await SchemaMigrator.ApplyAsync(connectionString, logger, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
