using Npgsql;

namespace Sferum.DataRequests;

/// <summary>
/// Finds the people of one school a request can be about: roster entries (also those who left — they keep their rights)
/// and people in a class by invitation who are on no roster. Keys: <c>j:</c> and the journal id, <c>u:</c> and the
/// user id. Names and roles only: this is what an admin sees on the class pages anyway.
/// </summary>
public sealed class SchoolPersonDirectory(NpgsqlDataSource database)
{
    private const string Roster = """
        SELECT 'j:' || p.journal_id, p.user_id, p.journal_id, concat_ws(' ', p.last_name, p.first_name, p.middle_name), p.role,
               p.removed_at IS NOT NULL,
               (SELECT string_agg(DISTINCT c.name, ', ' ORDER BY c.name) FROM roster_class_roles r
                JOIN roster_classes c ON c.class_id = r.class_id WHERE r.school_id = p.school_id AND r.journal_id = p.journal_id)
        FROM roster_people p
        """;

    // People in a class by invitation only: one row per person and role.
    private const string Invitees = """
        SELECT 'u:' || i.user_id, i.user_id, NULL::text, concat_ws(' ', i.last_name, i.first_name, i.middle_name), i.role,
               bool_and(i.removed_at IS NOT NULL), string_agg(DISTINCT c.name, ', ' ORDER BY c.name)
        FROM class_invitees i JOIN roster_classes c ON c.class_id = i.class_id
        """;

    private const string NotOnRoster = "NOT EXISTS (SELECT 1 FROM roster_people p WHERE p.school_id = i.school_id AND p.user_id = i.user_id)";

    private const string InviteeGroup = "GROUP BY i.user_id, i.last_name, i.first_name, i.middle_name, i.role";

    public async Task<List<SchoolPerson>> FindAsync(Guid schoolId, string query)
    {
        var pattern = "%" + query.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        await using var command = database.CreateCommand($"""
            {Roster} WHERE p.school_id = @school AND concat_ws(' ', p.last_name, p.first_name, p.middle_name) ILIKE @pattern
            UNION ALL
            {Invitees} WHERE i.school_id = @school AND {NotOnRoster} AND concat_ws(' ', i.last_name, i.first_name, i.middle_name) ILIKE @pattern
            {InviteeGroup}
            ORDER BY 4, 1 LIMIT 30
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("pattern", pattern);
        return await ReadAsync(command);
    }

    /// <summary>The person a key names in this school, or null when it names nobody here.</summary>
    public async Task<SchoolPerson?> ResolveAsync(Guid schoolId, string key)
    {
        NpgsqlCommand command;
        if (key.StartsWith("j:", StringComparison.Ordinal) && key.Length > 2)
        {
            command = database.CreateCommand($"{Roster} WHERE p.school_id = @school AND p.journal_id = @journal");
            command.Parameters.AddWithValue("journal", key[2..]);
        }
        else if (key.StartsWith("u:", StringComparison.Ordinal) && Guid.TryParse(key[2..], out var userId))
        {
            // A user on the roster is named by the roster entry, which holds more of what the school knows.
            command = database.CreateCommand($"""
                {Roster} WHERE p.school_id = @school AND p.user_id = @user
                UNION ALL
                {Invitees} WHERE i.school_id = @school AND i.user_id = @user AND {NotOnRoster} {InviteeGroup}
                LIMIT 1
                """);
            command.Parameters.AddWithValue("user", userId);
        }
        else
        {
            return null;
        }

        await using (command)
        {
            command.Parameters.AddWithValue("school", schoolId);
            var found = await ReadAsync(command);
            return found.Count == 0 ? null : found[0];
        }
    }

    /// <summary>The parents linked to the person: by the roster, or in a class by invitation as this child's parent.</summary>
    public async Task<List<SchoolPerson>> RepresentativesAsync(Guid schoolId, SchoolPerson child)
    {
        await using var command = database.CreateCommand($"""
            {Roster} WHERE p.school_id = @school AND p.journal_id IN
                (SELECT g.parent_id FROM roster_guardianships g WHERE g.school_id = @school AND g.student_id = @journal)
            UNION ALL
            {Invitees} WHERE i.school_id = @school AND i.role = 1 AND i.removed_at IS NULL AND {NotOnRoster}
                AND ((@journal IS NOT NULL AND i.child_journal_id = @journal) OR (@user IS NOT NULL AND i.child_user_id = @user))
            {InviteeGroup}
            ORDER BY 4, 1
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.Add(new NpgsqlParameter<string?>("journal", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = child.JournalId });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("user", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = child.UserId });
        return await ReadAsync(command);
    }

    private static async Task<List<SchoolPerson>> ReadAsync(NpgsqlCommand command)
    {
        var people = new List<SchoolPerson>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var role = r.GetInt16(4) switch { 0 => "ученик", 1 => "родитель", _ => "сотрудник" };
            var classes = r.IsDBNull(6) ? null : r.GetString(6);
            var description = string.Join(", ", new[] { role, classes, r.GetBoolean(5) ? "выбыл(а)" : null }.Where(p => !string.IsNullOrEmpty(p)));
            people.Add(new SchoolPerson(r.GetString(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3), description));
        }

        return people;
    }
}
