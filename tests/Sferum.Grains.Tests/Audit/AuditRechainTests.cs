using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sferum.Audit;
using Sferum.Database;

namespace Sferum.Grains.Tests.Audit;

/// <summary>
/// A database that already has entries chained by migration 0900 (a developer's, a test server's) is re-chained by
/// migration 0930: the same entries, the same texts, a chain that verifies and grows on.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class AuditRechainTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Entries_chained_before_0930_are_re_chained_and_verify()
    {
        var connectionString = await env.CreateEmptyDatabaseAsync();
        await ApplyUpToAsync(connectionString, 900);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO audit_log (school_id, action, summary, details) VALUES
                    (gen_random_uuid(), 'school.admin-appointed', 'Назначен администратор школы: Старова Ирина', '{"a": 1}'),
                    (NULL, 'session.ended', 'Завершено сеансов: 1 (idle)', '{}');
                SELECT audit_purge_before(now() + interval '1 day');
                INSERT INTO audit_log (action, summary) VALUES ('test.after-purge', 'после очистки'), ('test.after-purge', 'ещё');
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }

        await SchemaMigrator.ApplyAsync(connectionString, NullLogger.Instance);

        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync();
        var report = await AuditChainVerifier.VerifyAsync(check);
        Assert.True(report.Intact, report.ToString());
        Assert.Equal(2, report.Entries);
        await using (var summaries = new NpgsqlCommand("SELECT string_agg(summary, ' / ' ORDER BY seq) FROM audit_log", check))
        {
            Assert.Equal("после очистки / ещё", await summaries.ExecuteScalarAsync());
        }

        await using var source = NpgsqlDataSource.Create(connectionString);
        await new AuditLog(source).WriteAsync(new AuditEntry(null, null, null, "test.v2", "новая запись"));
        Assert.True((await AuditChainVerifier.VerifyAsync(check)).Intact);
    }

    /// <summary>The project's migrations up to <paramref name="last"/>, recorded as applied, as an older silo left them.</summary>
    private static async Task ApplyUpToAsync(string connectionString, int last)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string prefix = "Sferum.Database.Migrations.";
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var table = new NpgsqlCommand(
            "CREATE TABLE sferum_schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())", connection))
        {
            await table.ExecuteNonQueryAsync();
        }

        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..^".sql".Length];
            var version = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            if (version > last)
            {
                continue;
            }

            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var script = new NpgsqlCommand(await reader.ReadToEndAsync(), connection, transaction))
            {
                await script.ExecuteNonQueryAsync();
            }

            await using (var record = new NpgsqlCommand("INSERT INTO sferum_schema_version (version, name) VALUES (@v, @n)", connection, transaction))
            {
                record.Parameters.AddWithValue("v", version);
                record.Parameters.AddWithValue("n", name);
                await record.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
    }
}
