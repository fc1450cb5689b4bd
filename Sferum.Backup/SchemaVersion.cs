using Npgsql;

namespace Sferum.Backup;

internal static class SchemaVersion
{
    /// <summary>The highest migration applied (Sferum.Database/Migrations), or 0 in a database without Sferum's schema.</summary>
    public static async Task<int> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        await using var exists = new NpgsqlCommand("SELECT to_regclass('public.sferum_schema_version') IS NOT NULL", connection, transaction);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM sferum_schema_version", connection, transaction);
        return (int)(await command.ExecuteScalarAsync())!;
    }
}
