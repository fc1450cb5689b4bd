using Npgsql;
using NpgsqlTypes;
using Sferum.Identity;

namespace Sferum.Classes;

/// <summary>
/// Parents beside the roster: how many a child has (roster and invitation alike, for the school's limit), and the
/// children the identity provider says a person has, proposed as links until the person confirms them.
/// </summary>
public sealed class ParentLinks(NpgsqlDataSource database)
{
    /// <summary>How many parents the child has now: on the roster and by invitation.</summary>
    public async Task<int> ParentCountAsync(Guid schoolId, string? childJournalId, Guid? childUserId)
    {
        await using var command = database.CreateCommand("""
            SELECT (SELECT count(*) FROM roster_guardianships g
                    JOIN roster_people p ON p.school_id = g.school_id AND p.journal_id = g.parent_id AND p.removed_at IS NULL
                    WHERE g.school_id = @school AND g.student_id = @childJournal)
                 + (SELECT count(DISTINCT user_id) FROM class_invitees_current
                    WHERE school_id = @school AND role = 1 AND (child_journal_id = @childJournal OR child_user_id = @childUser))
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.Add(new NpgsqlParameter<string?>("childJournal", NpgsqlDbType.Text) { TypedValue = childJournalId });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("childUser", NpgsqlDbType.Uuid) { TypedValue = childUserId });
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
    /// <summary>Pupils on a roster whose SNILS the provider listed as this user's children and who are not yet linked to them.</summary>
    public async Task<List<ProposedChild>> ProposalsAsync(Guid userId, IReadOnlyList<string> childrenSnils)
    {
        if (childrenSnils.Count == 0)
        {
            return [];
        }

        await using var command = database.CreateCommand("""
            SELECT c.class_id, p.journal_id, concat_ws(' ', p.last_name, p.first_name, p.middle_name), c.name, c.school_id
            FROM roster_people p
            JOIN roster_enrollments e ON e.school_id = p.school_id AND e.student_id = p.journal_id
            JOIN roster_classes c ON c.school_id = e.school_id AND c.academic_year = e.academic_year AND c.name = e.class_name AND c.removed_at IS NULL
            WHERE p.role = 0 AND p.removed_at IS NULL AND p.snils = ANY(@children) AND p.user_id IS DISTINCT FROM @user
              AND NOT EXISTS (
                  SELECT 1 FROM roster_guardianships g
                  JOIN roster_people gp ON gp.school_id = g.school_id AND gp.journal_id = g.parent_id AND gp.removed_at IS NULL
                  WHERE g.school_id = p.school_id AND g.student_id = p.journal_id AND gp.user_id = @user)
              AND NOT EXISTS (
                  SELECT 1 FROM class_invitees i
                  WHERE i.class_id = c.class_id AND i.user_id = @user AND i.role = 1 AND i.child_journal_id = p.journal_id AND i.removed_at IS NULL)
            ORDER BY c.name, 3
            """);
        command.Parameters.AddWithValue("children", childrenSnils.ToArray());
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var proposals = new List<ProposedChild>();
        while (await reader.ReadAsync())
        {
            proposals.Add(new ProposedChild(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4)));
        }

        return proposals;
    }

    /// <summary>Links the user as a parent of the roster pupil in that class, on the provider's word.</summary>
    public async Task AddFromProviderAsync(Guid classId, Guid schoolId, string childJournalId, Guid userId, PersonName name)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO class_invitees (class_id, school_id, user_id, role, child_journal_id, last_name, first_name, middle_name, source)
            VALUES (@class, @school, @user, 1, @child, @last, @first, @middle, 'provider')
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("class", classId);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("child", childJournalId);
        command.Parameters.AddWithValue("last", name.LastName);
        command.Parameters.AddWithValue("first", name.FirstName);
        command.Parameters.Add(new NpgsqlParameter<string?>("middle", NpgsqlDbType.Text) { TypedValue = name.MiddleName });
        await command.ExecuteNonQueryAsync();
    }
}
