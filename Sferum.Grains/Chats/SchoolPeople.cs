using Npgsql;
using Sferum.Classes;

namespace Sferum.Chats;

/// <summary>What a user is in a school, from the roster: their roles per class, and whether they are staff.</summary>
public sealed class SchoolPeople(NpgsqlDataSource database)
{
    public sealed record Standing(bool InSchool, bool IsStaff, IReadOnlyList<(Guid ClassId, ClassRole Role)> Classes);

    public async Task<Standing> OfAsync(Guid schoolId, Guid userId)
    {
        const string sql = """
            WITH me AS (SELECT journal_id, role FROM roster_people WHERE school_id = @school AND user_id = @user AND removed_at IS NULL)
            SELECT NULL::uuid, me.role::integer + 100 FROM me
            UNION ALL
            SELECT c.class_id, 0 FROM me
            JOIN roster_enrollments e ON e.school_id = @school AND e.student_id = me.journal_id
            JOIN roster_classes c ON c.school_id = @school AND c.academic_year = e.academic_year AND c.name = e.class_name AND c.removed_at IS NULL
            UNION ALL
            SELECT c.class_id, 1 FROM me
            JOIN roster_guardianships g ON g.school_id = @school AND g.parent_id = me.journal_id
            JOIN roster_enrollments e ON e.school_id = @school AND e.student_id = g.student_id
            JOIN roster_classes c ON c.school_id = @school AND c.academic_year = e.academic_year AND c.name = e.class_name AND c.removed_at IS NULL
            UNION ALL
            SELECT c.class_id, CASE WHEN t.is_homeroom THEN 3 ELSE 2 END FROM me
            JOIN roster_teaching t ON t.school_id = @school AND t.staff_id = me.journal_id
            JOIN roster_classes c ON c.school_id = @school AND c.academic_year = t.academic_year AND c.name = t.class_name AND c.removed_at IS NULL
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var inSchool = false;
        var staff = false;
        var classes = new List<(Guid, ClassRole)>();
        while (await reader.ReadAsync())
        {
            var code = reader.GetInt32(1);
            if (reader.IsDBNull(0))
            {
                inSchool = true;
                staff |= code == 102;
            }
            else
            {
                classes.Add((reader.GetGuid(0), (ClassRole)code));
            }
        }

        return new Standing(inSchool, staff, classes);
    }
}
