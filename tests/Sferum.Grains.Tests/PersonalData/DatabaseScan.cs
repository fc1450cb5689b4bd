using Npgsql;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// Looks for strings in every column that can hold text of every table of the database, found through
/// information_schema: text and character columns, JSON and arrays as their text, bytea as UTF-8 bytes (Orleans grain
/// state in <c>orleansstorage</c> is binary; its strings are UTF-8), and full-text vectors as a search would match them.
/// </summary>
public static class DatabaseScan
{
    public static async Task<List<string>> FindAsync(string connectionString, IReadOnlyList<string> needles, params string[] exceptTables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public'
              AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'bytea', 'tsvector', 'USER-DEFINED')
            ORDER BY 1, 2
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column, type) in columns.Where(c => !exceptTables.Contains(c.Table)))
        {
            var match = type switch
            {
                "bytea" => $"position(convert_to(@n, 'UTF8') IN \"{column}\") > 0",
                "tsvector" => $"\"{column}\" @@ plainto_tsquery('russian', @n)",
                "text" or "character varying" or "character" => $"position(@n IN \"{column}\") > 0",
                _ => $"position(@n IN \"{column}\"::text) > 0",
            };
            foreach (var needle in needles)
            {
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\" WHERE {match}", connection);
                command.Parameters.AddWithValue("n", needle);
                var count = (long)(await command.ExecuteScalarAsync())!;
                if (count > 0)
                {
                    found.Add($"{table}.{column} ({type}): {count} × «{needle}»");
                }
            }
        }

        return found;
    }
}
