using Npgsql;
using Sferum.Audit;

namespace Sferum.Grains.Tests.Audit;

/// <summary>
/// A database of its own with the project's schema, for tests that write, tamper with and purge the audit log without
/// breaking the shared database's chain. Tampering goes the way an attacker with database access would: as the tables'
/// owner, with the guard trigger disabled for that one statement.
/// </summary>
public sealed class AuditChainDatabase(string connectionString) : IAsyncDisposable
{
    public NpgsqlDataSource Source { get; } = NpgsqlDataSource.Create(connectionString);

    public string ConnectionString => connectionString;

    public static async Task<AuditChainDatabase> CreateAsync(GrainTestEnvironment env) => new(await env.CreateMigratedDatabaseAsync());

    /// <summary>Writes <paramref name="count"/> entries through the product's writer and returns their ids in chain order.</summary>
    public async Task<List<long>> WriteAsync(int count, string action = "test.entry")
    {
        var audit = new AuditLog(Source);
        for (var i = 0; i < count; i++)
        {
            await audit.WriteAsync(new AuditEntry(Guid.NewGuid(), Guid.NewGuid(), null, action, $"Запись {i} «тест»",
                new Dictionary<string, object?> { ["n"] = i }, SubjectUserId: Guid.NewGuid(), ClientAddress: System.Net.IPAddress.Loopback));
        }

        return await IdsAsync();
    }

    public async Task<List<long>> IdsAsync()
    {
        await using var command = Source.CreateCommand("SELECT id FROM audit_log ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<string> HashOfAsync(long id, string column = "hash") =>
        Convert.ToHexStringLower(await ScalarAsync<byte[]>($"SELECT {column} FROM audit_log WHERE id = {id}"));

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = Source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = Source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Runs a statement on audit_log past its guard trigger: disabled, the statement, enabled again, as one batch
    /// (Npgsql runs a batch in one implicit transaction).
    /// </summary>
    public Task TamperAsync(string statement) => ExecuteAsync($"""
        ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
        {statement};
        ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only
        """);

    public async Task<AuditChainReport> VerifyAsync()
    {
        await using var connection = await Source.OpenConnectionAsync();
        return await AuditChainVerifier.VerifyAsync(connection);
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
