using Npgsql;

namespace Sferum.Backup;

/// <summary>Exact row counts per table of the public schema: what a backup promises and a restore must show again.</summary>
internal static class RowCounts
{
    public static async Task<Dictionary<string, long>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IEnumerable<string> skipped)
    {
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1
            """, connection, transaction))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables.Except(skipped))
        {
            // Table names come from the catalogue, quoted as identifiers.
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table.Replace("\"", "\"\"")}\"", connection, transaction);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
