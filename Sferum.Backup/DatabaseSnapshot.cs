using Npgsql;

namespace Sferum.Backup;

/// <summary>
/// A read-only snapshot of the database held open while pg_dump reads it (<c>pg_export_snapshot</c>), so that the row
/// counts in the manifest are exactly what the dump holds although schools keep writing meanwhile.
/// </summary>
internal sealed class DatabaseSnapshot : IAsyncDisposable
{
    /// <summary>
    /// Orleans' membership rows describe the silos that were running; a restored deployment has others, and its silos
    /// would first have to probe and vote out every old one. Their tables are kept, their rows are not.
    /// </summary>
    public static readonly string[] TablesWithoutData = ["orleansmembershiptable", "orleansmembershipversiontable"];

    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private DatabaseSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, string id)
    {
        this.connection = connection;
        this.transaction = transaction;
        Id = id;
    }

    public string Id { get; }

    public static async Task<DatabaseSnapshot> OpenAsync(string connectionString)
    {
        var connection = await Sferum.Database.DatabaseConnections.OpenAsync(connectionString);
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using var export = new NpgsqlCommand("SELECT pg_export_snapshot()", connection, transaction);
        return new DatabaseSnapshot(connection, transaction, (string)(await export.ExecuteScalarAsync())!);
    }

    public async Task<int> SchemaVersionAsync() => await SchemaVersion.ReadAsync(connection, transaction);

    /// <summary>Rows of every table of Sferum's schema (partitioned tables counted as a whole), in this snapshot.</summary>
    public Task<Dictionary<string, long>> CountRowsAsync() => RowCounts.ReadAsync(connection, transaction, TablesWithoutData);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
