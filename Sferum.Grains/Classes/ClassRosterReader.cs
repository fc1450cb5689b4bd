using Npgsql;

namespace Sferum.Classes;

/// <summary>Loads one class and its people (students, their parents, teachers) from the roster tables.</summary>
public sealed class ClassRosterReader(NpgsqlDataSource database)
{
    private const string ClassSql = """
        SELECT school_id, name, grade, academic_year, class_chat_id, parents_chat_id, removed_at IS NOT NULL
        FROM roster_classes WHERE class_id = @class
        """;

    // One row per person and role; a parent's children in this class are aggregated. People who joined by invitation
    // have no journal id: theirs is "u:" and their user id (a parent invited for such a child names it the same way).
    private const string MembersSql = """
        WITH c AS (SELECT school_id, academic_year, name FROM roster_classes WHERE class_id = @class),
        students AS (
            SELECT p.journal_id, p.last_name, p.first_name, p.middle_name, p.user_id
            FROM c
            JOIN roster_enrollments e ON e.school_id = c.school_id AND e.academic_year = c.academic_year AND e.class_name = c.name
            JOIN roster_people p ON p.school_id = e.school_id AND p.journal_id = e.student_id AND p.removed_at IS NULL)
        SELECT s.journal_id, s.last_name, s.first_name, s.middle_name, s.user_id, 0 AS role,
               ARRAY[]::text[] AS child_of, ARRAY[]::text[] AS subjects
        FROM students s
        UNION ALL
        SELECT p.journal_id, p.last_name, p.first_name, p.middle_name, p.user_id, 1,
               array_agg(g.student_id ORDER BY g.student_id), ARRAY[]::text[]
        FROM c
        JOIN students s ON true
        JOIN roster_guardianships g ON g.school_id = c.school_id AND g.student_id = s.journal_id
        JOIN roster_people p ON p.school_id = g.school_id AND p.journal_id = g.parent_id AND p.removed_at IS NULL
        GROUP BY p.journal_id, p.last_name, p.first_name, p.middle_name, p.user_id
        UNION ALL
        SELECT p.journal_id, p.last_name, p.first_name, p.middle_name, p.user_id, CASE WHEN t.is_homeroom THEN 3 ELSE 2 END,
               ARRAY[]::text[], t.subjects
        FROM c
        JOIN roster_teaching t ON t.school_id = c.school_id AND t.academic_year = c.academic_year AND t.class_name = c.name
        JOIN roster_people p ON p.school_id = t.school_id AND p.journal_id = t.staff_id AND p.removed_at IS NULL
        UNION ALL
        SELECT 'u:' || i.user_id, i.last_name, i.first_name, i.middle_name, i.user_id, i.role,
               array_remove(array_agg(coalesce(i.child_journal_id, 'u:' || i.child_user_id)), NULL), ARRAY[]::text[]
        FROM class_invitees_current i
        WHERE i.class_id = @class
        GROUP BY i.user_id, i.last_name, i.first_name, i.middle_name, i.role
        """;

    public async Task<ClassRoster?> LoadAsync(Guid classId)
    {
        await using var connection = await database.OpenConnectionAsync();
        Guid schoolId, classChat, parentsChat;
        string name, year;
        int grade;
        bool removed;
        await using (var command = new NpgsqlCommand(ClassSql, connection))
        {
            command.Parameters.AddWithValue("class", classId);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                return null;
            }

            (schoolId, name, grade, year, classChat, parentsChat, removed) = (reader.GetGuid(0), reader.GetString(1),
                reader.GetInt16(2), reader.GetString(3), reader.GetGuid(4), reader.GetGuid(5), reader.GetBoolean(6));
        }

        var members = new List<ClassMember>();
        await using (var command = new NpgsqlCommand(MembersSql, connection))
        {
            command.Parameters.AddWithValue("class", classId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var display = string.Join(' ', new[] { reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3) }
                    .Where(p => !string.IsNullOrEmpty(p)));
                members.Add(new ClassMember(
                    reader.GetString(0),
                    display,
                    (ClassRole)reader.GetInt32(5),
                    reader.IsDBNull(4) ? null : reader.GetGuid(4),
                    reader.GetFieldValue<string[]>(6),
                    reader.GetFieldValue<string[]>(7)));
            }
        }

        members.Sort((a, b) => a.Role != b.Role ? b.Role.CompareTo(a.Role) : string.Compare(a.DisplayName, b.DisplayName, StringComparison.CurrentCulture));
        return new ClassRoster(classId, schoolId, name, grade, year, classChat, parentsChat, removed, members);
    }
}
