using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Sferum.Database;

/// <summary>
/// Applies the project's versioned SQL scripts (embedded <c>Migrations/NNNN_name.sql</c>) in order, each once,
/// each in its own transaction. Concurrent starts (two silos at once) are serialised with a PostgreSQL advisory lock,
/// so the second one waits and then finds nothing left to do.
/// </summary>
public static class SchemaMigrator
{
    // Arbitrary, fixed: every Sferum process that migrates takes the same lock.
    private const long MigrationLockKey = 0x5F_E2_0001;

    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        await using var connection = await DatabaseConnections.OpenAsync(connectionString, cancellationToken);

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS sferum_schema_version (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await ReadAppliedVersionsAsync(connection, cancellationToken);
            var newlyApplied = new List<string>();
            foreach (var script in MigrationScript.LoadAll())
            {
                if (applied.Contains(script.Version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO sferum_schema_version (version, name) VALUES (@v, @n)", connection, transaction))
                {
                    record.Parameters.AddWithValue("v", script.Version);
                    record.Parameters.AddWithValue("n", script.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied database migration {Version} {Name}", script.Version, script.Name);
                newlyApplied.Add(script.Name);
            }

            return newlyApplied;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<HashSet<int>> ReadAppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM sferum_schema_version", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record MigrationScript(int Version, string Name, string Sql)
    {
        public static IEnumerable<MigrationScript> LoadAll()
        {
            var assembly = typeof(MigrationScript).Assembly;
            const string prefix = "Sferum.Database.Migrations.";
            var scripts = new List<MigrationScript>();
            foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var name = resource[prefix.Length..^".sql".Length];
                var underscore = name.IndexOf('_');
                if (underscore <= 0 || !int.TryParse(name[..underscore], out var version))
                {
                    throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_name.sql.");
                }

                scripts.Add(new MigrationScript(version, name, ReadResource(assembly, resource)));
            }

            var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.Name))}.");
            }

            return scripts.OrderBy(s => s.Version);
        }

        private static string ReadResource(Assembly assembly, string resource)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
