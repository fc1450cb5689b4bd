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
            SELECT r.class_id, r.role FROM me JOIN roster_class_roles r ON r.school_id = @school AND r.journal_id = me.journal_id
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
