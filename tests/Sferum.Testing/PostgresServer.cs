using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sferum.Local;
using Xunit;

namespace Sferum.Testing;

/// <summary>
/// A private PostgreSQL server for one test run: initdb in a temp folder, a free port on 127.0.0.1, removed at the
/// end. Each test class takes a fresh database from it. A machine without PostgreSQL fails the tests; it never
/// skips them.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"sferum-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
    private LocalPostgres? server;

    public LocalPostgres Server => server ?? throw new InvalidOperationException("PostgreSQL is not started.");

    public async Task InitializeAsync() =>
        server = await LocalPostgres.StartAsync(new LocalPostgresOptions { RootDirectory = root, Database = "postgres" }, NullLogger.Instance);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        // Not pooled: a test that stops and starts the server leaves dead connections in a pool.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
