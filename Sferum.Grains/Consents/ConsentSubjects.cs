using Npgsql;

namespace Sferum.Consents;

/// <summary>
/// Who is whom for consents, read afresh from the roster and the invitations at every call (a parent the journal no
/// longer links loses the right to act for the child at once): a user's place in a school, and their linked children.
/// </summary>
public sealed class ConsentSubjects(NpgsqlDataSource database)
{
    private const string EntryColumns =
        "journal_id, role, concat_ws(' ', last_name, first_name, middle_name), birth_date, snils IS NOT NULL, email IS NOT NULL, phone, position IS NOT NULL";

    /// <summary>Schools where the user is on the roster or in a class (by the journal or an invitation).</summary>
    public async Task<IReadOnlyList<Guid>> SchoolsOfAsync(Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT school_id FROM user_class_roles WHERE user_id = @user
            UNION SELECT school_id FROM roster_people WHERE user_id = @user AND removed_at IS NULL
            """);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var schools = new List<Guid>();
        while (await reader.ReadAsync())
        {
            schools.Add(reader.GetGuid(0));
        }

        return schools;
    }

    /// <summary>The user in the school (named as their account names them), or null when they have no place there.</summary>
    public async Task<ConsentPerson?> SelfAsync(Guid schoolId, Guid userId, string accountName)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT {EntryColumns} FROM roster_people WHERE school_id = @school AND user_id = @user AND removed_at IS NULL",
            schoolId, userId));
        batch.BatchCommands.Add(Command("SELECT DISTINCT role FROM class_invitees_current WHERE school_id = @school AND user_id = @user", schoolId, userId));
        await using var reader = await batch.ExecuteReaderAsync();
        var entries = new List<ConsentPerson.RosterEntry>();
        while (await reader.ReadAsync())
        {
            entries.Add(ReadEntry(reader));
        }

        await reader.NextResultAsync();
        var invitedRoles = new List<int>();
        while (await reader.ReadAsync())
        {
            invitedRoles.Add(reader.GetInt16(0));
        }

        if (entries.Count == 0 && invitedRoles.Count == 0)
        {
            return null;
        }

        // A roster pupil is named by their journal id, the same key their parents' consents use.
        var pupilEntry = entries.FirstOrDefault(e => e.Role == ConsentPerson.StudentRole);
        return new ConsentPerson(pupilEntry?.JournalId ?? ConsentPerson.UserKey(userId), accountName, userId, entries,
            invitedRoles.Count > 0, pupilEntry is not null || invitedRoles.Contains(ConsentPerson.StudentRole));
    }

    /// <summary>
    /// The pupils the user is a parent of in the school: through the roster, a parent link or the identity provider
    /// (a roster pupil), or an invitation naming a pupil who came by invitation too.
    /// </summary>
    public async Task<IReadOnlyList<ConsentPerson>> ChildrenAsync(Guid schoolId, Guid parentUserId)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command($"""
            SELECT {EntryColumns}, user_id FROM roster_people c
            WHERE c.school_id = @school AND c.role = 0 AND c.removed_at IS NULL AND (
                EXISTS (SELECT 1 FROM roster_guardianships g
                        JOIN roster_people p ON p.school_id = g.school_id AND p.journal_id = g.parent_id AND p.removed_at IS NULL
                        WHERE g.school_id = c.school_id AND g.student_id = c.journal_id AND p.user_id = @user)
                OR EXISTS (SELECT 1 FROM class_invitees_current i
                           WHERE i.school_id = c.school_id AND i.user_id = @user AND i.role = 1 AND i.child_journal_id = c.journal_id))
            ORDER BY 3
            """, schoolId, parentUserId));
        batch.BatchCommands.Add(Command("""
            SELECT DISTINCT k.user_id, concat_ws(' ', k.last_name, k.first_name, k.middle_name)
            FROM class_invitees_current i
            JOIN class_invitees_current k ON k.class_id = i.class_id AND k.user_id = i.child_user_id AND k.role = 0
            WHERE i.school_id = @school AND i.user_id = @user AND i.role = 1
            ORDER BY 2
            """, schoolId, parentUserId));
        await using var reader = await batch.ExecuteReaderAsync();
        var children = new List<ConsentPerson>();
        while (await reader.ReadAsync())
        {
            var entry = ReadEntry(reader);
            children.Add(new ConsentPerson(entry.JournalId, reader.GetString(2), reader.IsDBNull(8) ? null : reader.GetGuid(8), [entry], false, true));
        }

        await reader.NextResultAsync();
        while (await reader.ReadAsync())
        {
            var child = reader.GetGuid(0);
            children.Add(new ConsentPerson(ConsentPerson.UserKey(child), reader.GetString(1), child, [], true, true));
        }

        // A parent is never their own child (the rules refuse it), but a forged roster should not make them one here.
        return children.Where(c => c.UserId != parentUserId).DistinctBy(c => c.Key).ToList();
    }

    private static ConsentPerson.RosterEntry ReadEntry(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetInt16(1), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
        reader.GetBoolean(4), reader.GetBoolean(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7));

    private static NpgsqlBatchCommand Command(string sql, Guid schoolId, Guid userId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("user", userId);
        return command;
    }
}
