using Npgsql;

namespace Sferum.Schools;

/// <summary>The classes of a school's latest academic year, with sizes and homeroom teachers, for the school's page.</summary>
public sealed class SchoolClassesReader(NpgsqlDataSource database)
{
    public async Task<List<SchoolClass>> ListAsync(Guid schoolId)
    {
        const string sql = """
            WITH year AS (
                SELECT max(academic_year) AS academic_year FROM roster_classes WHERE school_id = @school AND removed_at IS NULL)
            SELECT c.class_id, c.name, c.grade, c.academic_year,
                   (SELECT count(*) FROM roster_enrollments e
                    JOIN roster_people p ON p.school_id = e.school_id AND p.journal_id = e.student_id AND p.removed_at IS NULL
                    WHERE e.school_id = c.school_id AND e.academic_year = c.academic_year AND e.class_name = c.name)::integer
                   + (SELECT count(*) FROM class_invitees_current i WHERE i.class_id = c.class_id AND i.role = 0)::integer,
                   (SELECT concat_ws(' ', p.last_name, p.first_name, p.middle_name) FROM roster_teaching t
                    JOIN roster_people p ON p.school_id = t.school_id AND p.journal_id = t.staff_id AND p.removed_at IS NULL
                    WHERE t.school_id = c.school_id AND t.academic_year = c.academic_year AND t.class_name = c.name AND t.is_homeroom
                    LIMIT 1)
            FROM roster_classes c, year
            WHERE c.school_id = @school AND c.academic_year = year.academic_year AND c.removed_at IS NULL
            ORDER BY c.grade, c.name
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        var classes = new List<SchoolClass>();
        while (await reader.ReadAsync())
        {
            classes.Add(new SchoolClass(reader.GetGuid(0), reader.GetString(1), reader.GetInt16(2), reader.GetString(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return classes;
    }
}
