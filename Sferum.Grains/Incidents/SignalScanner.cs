using Npgsql;
using NpgsqlTypes;
using Sferum.Audit;

namespace Sferum.Incidents;

/// <summary>
/// The signals' SQL over <c>audit_log</c>. For each kind, per school and staff account, it counts the entries not yet
/// covered by an earlier signal in a sliding window (a window ending at each entry), so a burst is seen whatever the
/// scan's timing; opening a signal moves the account's mark past every entry it counted, in the same transaction as
/// the incident, so the same entries never open a second one.
/// </summary>
public sealed class SignalScanner(NpgsqlDataSource database, AuditLog audit)
{
    // Someone with a place in the school (roster, a class by invitation, an appointed admin) is not "from another school".
    private const string NotOfTheSchool = """
        AND NOT EXISTS (SELECT 1 FROM roster_people p WHERE p.school_id = a.school_id AND p.user_id = a.actor_user_id)
        AND NOT EXISTS (SELECT 1 FROM class_invitees i WHERE i.school_id = a.school_id AND i.user_id = a.actor_user_id)
        AND NOT EXISTS (SELECT 1 FROM school_admins s JOIN user_identities u ON u.snils = s.snils AND u.trust >= 1
                        WHERE s.school_id = a.school_id AND u.user_id = a.actor_user_id)
        """;

    public async Task<DateTimeOffset> DatabaseNowAsync()
    {
        await using var command = database.CreateCommand("SELECT now()");
        await using var r = await command.ExecuteReaderAsync();
        await r.ReadAsync();
        return r.GetFieldValue<DateTimeOffset>(0);
    }

    public async Task<List<SignalFinding>> FindAsync(string kind, DateTimeOffset since, SignalOptions o)
    {
        // The action is a literal, not a parameter: so that even a cached generic plan uses the partial index of migration 0915.
        var (action, threshold, window, largest, filter) = kind switch
        {
            IncidentSources.ProfileReads => ("person.contact-viewed", o.ProfileReadsThreshold, o.ProfileReadsWindowMinutes, long.MaxValue, ""),
            IncidentSources.Exports => ("audit.exported", o.ExportsThreshold, o.ExportsWindowMinutes, (long)o.ExportedEntriesThreshold, ""),
            IncidentSources.Refusals => ("access.refused", o.RefusalsThreshold, o.RefusalsWindowMinutes, long.MaxValue, NotOfTheSchool),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        await using var command = database.CreateCommand($"""
            WITH recent AS (
                SELECT a.id, a.at, a.school_id, a.actor_user_id, a.subject_user_id,
                       CASE WHEN jsonb_typeof(a.details->'count') = 'number' THEN (a.details->>'count')::numeric::bigint ELSE 0 END AS exported
                FROM audit_log a
                LEFT JOIN incident_signals s ON s.kind = @kind AND s.school_id = a.school_id AND s.actor_user_id = a.actor_user_id
                WHERE a.action = '{action}' AND a.at >= @since AND a.school_id IS NOT NULL AND a.actor_user_id IS NOT NULL
                  AND a.id > coalesce(s.covered_upto, 0) {filter}
            ), windowed AS (
                SELECT *, count(*) OVER (PARTITION BY school_id, actor_user_id ORDER BY at RANGE BETWEEN @window PRECEDING AND CURRENT ROW) AS n
                FROM recent
            )
            SELECT school_id, actor_user_id, max(n), max(exported), count(*), count(DISTINCT subject_user_id), max(id), min(at), max(at)
            FROM windowed GROUP BY school_id, actor_user_id
            HAVING max(n) >= @threshold OR max(exported) >= @largest
            ORDER BY min(at)
            """);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.Add(new NpgsqlParameter("window", NpgsqlDbType.Interval) { Value = TimeSpan.FromMinutes(window) });
        command.Parameters.AddWithValue("threshold", (long)threshold);
        command.Parameters.AddWithValue("largest", largest);
        await using var r = await command.ExecuteReaderAsync();
        var findings = new List<SignalFinding>();
        while (await r.ReadAsync())
        {
            findings.Add(new SignalFinding(kind, r.GetGuid(0), r.GetGuid(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
                r.GetInt64(6), r.GetFieldValue<DateTimeOffset>(7), r.GetFieldValue<DateTimeOffset>(8)));
        }

        return findings;
    }

    /// <summary>
    /// Opens the incident for a finding unless a signal already covers its entries (another scan got there first):
    /// the mark, the incident and its audit entry commit together. False when nothing was opened.
    /// </summary>
    public async Task<bool> OpenAsync(SignalFinding finding, IncidentRecord incident, AuditEntry entry)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var mark = new NpgsqlCommand("""
            INSERT INTO incident_signals (kind, school_id, actor_user_id, covered_upto, incident_id)
            VALUES (@kind, @school, @actor, @upto, @incident)
            ON CONFLICT (kind, school_id, actor_user_id) DO UPDATE SET covered_upto = excluded.covered_upto, incident_id = excluded.incident_id
            WHERE incident_signals.covered_upto < excluded.covered_upto
            """, connection, transaction))
        {
            mark.Parameters.AddWithValue("kind", finding.Kind);
            mark.Parameters.AddWithValue("school", finding.SchoolId);
            mark.Parameters.AddWithValue("actor", finding.ActorUserId);
            mark.Parameters.AddWithValue("upto", finding.CoveredUpto);
            mark.Parameters.AddWithValue("incident", incident.IncidentId);
            if (await mark.ExecuteNonQueryAsync() == 0)
            {
                return false;
            }
        }

        if (!await IncidentStore.InsertAsync(incident, connection, transaction))
        {
            return false;
        }

        await audit.WriteAsync(entry, connection, transaction);
        await transaction.CommitAsync();
        return true;
    }
}
