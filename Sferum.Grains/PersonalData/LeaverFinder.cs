using Npgsql;

namespace Sferum.PersonalData;

/// <summary>Roster entries a later import marked removed longer ago than the grace period, and not erased yet.</summary>
public sealed class LeaverFinder(NpgsqlDataSource database)
{
    public sealed record Leaver(Guid SchoolId, string JournalId, Guid? UserId, DateTimeOffset RemovedAt);

    public async Task<List<Leaver>> DueAsync(DateTimeOffset removedBefore, int limit)
    {
        await using var command = database.CreateCommand("""
            SELECT p.school_id, p.journal_id, p.user_id, p.removed_at FROM roster_people p
            WHERE p.removed_at IS NOT NULL AND p.removed_at < @before
              AND NOT EXISTS (SELECT 1 FROM destruction_acts a
                              WHERE a.person_key = 'roster:' || p.school_id || ':' || p.journal_id
                                 OR (p.user_id IS NOT NULL AND a.person_key = 'user:' || p.user_id))
            ORDER BY p.removed_at LIMIT @limit
            """);
        command.Parameters.AddWithValue("before", removedBefore);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var leavers = new List<Leaver>();
        while (await reader.ReadAsync())
        {
            leavers.Add(new Leaver(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return leavers;
    }
}
