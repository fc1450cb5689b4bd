using Npgsql;

namespace Sferum.Rosters;

/// <summary>
/// Brings PostgreSQL's planner statistics of the roster tables up to date right after an import that changed a large
/// part of them. Without statistics the planner takes a just-filled table for a near-empty one and nests loops over
/// it: after the first import of a 3,000-pupil school the school channel's membership query took 16 s instead of
/// 8 ms, the channel's grain was busy for that long, and every person who connected meanwhile had their connection
/// fail. Autovacuum would analyze the tables within its one-minute nap; an import must not leave that minute open.
/// </summary>
public static class RosterStatistics
{
    // Autovacuum's own rule (autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × rows, defaults 50 and
    // 0.1), applied at once: a small change in a large table leaves its statistics good enough.
    private const int Threshold = 50;
    private const double ScaleFactor = 0.1;

    /// <summary>The tables whose statistics the rows just written make stale; <paramref name="known"/> is the row
    /// count the planner last learnt (pg_class.reltuples: −1 for a table never analyzed).</summary>
    public static IReadOnlyList<string> Stale(IReadOnlyDictionary<string, int> written, IReadOnlyDictionary<string, double> known) =>
        written.Where(w => w.Value >= Threshold + ScaleFactor * Math.Max(0, known.GetValueOrDefault(w.Key)))
            .Select(w => w.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>Analyzes the stale ones among <paramref name="written"/> (table → rows written) on an open connection
    /// outside any transaction; returns the tables analyzed.</summary>
    internal static async Task<IReadOnlyList<string>> RefreshAsync(NpgsqlConnection connection, IReadOnlyDictionary<string, int> written)
    {
        var known = new Dictionary<string, double>();
        await using (var command = new NpgsqlCommand(
            "SELECT relname, reltuples FROM pg_class WHERE relname = ANY(@tables) AND relnamespace = current_schema()::regnamespace", connection))
        {
            command.Parameters.AddWithValue("tables", written.Keys.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                known[reader.GetString(0)] = reader.GetFloat(1);
            }
        }

        var stale = Stale(written, known);
        if (stale.Count > 0)
        {
            // The names come from our own constant list (RosterStore), never from input.
            await using var analyze = new NpgsqlCommand($"ANALYZE {string.Join(", ", stale)}", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        return stale;
    }
}
