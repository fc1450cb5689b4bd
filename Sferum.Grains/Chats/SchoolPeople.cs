using Npgsql;
using Sferum.Classes;

namespace Sferum.Chats;

/// <summary>
/// What a user is in a school, from the roster and from invitations: their roles per class, and whether they are
/// staff (on the roster as staff, or teaching a class by invitation).
/// </summary>
public sealed class SchoolPeople(NpgsqlDataSource database)
{
    public sealed record Standing(bool InSchool, bool IsStaff, IReadOnlyList<(Guid ClassId, ClassRole Role)> Classes);

    public async Task<Standing> OfAsync(Guid schoolId, Guid userId)
    {
        const string sql = """
            SELECT NULL::uuid, role::integer + 100 FROM roster_people WHERE school_id = @school AND user_id = @user AND removed_at IS NULL
            UNION ALL
            SELECT class_id, role FROM user_class_roles WHERE school_id = @school AND user_id = @user
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
            inSchool = true;
            if (reader.IsDBNull(0))
            {
                staff |= code == 102;
            }
            else
            {
                classes.Add((reader.GetGuid(0), (ClassRole)code));
                staff |= code >= (int)ClassRole.Teacher;
            }
        }

        return new Standing(inSchool, staff, classes);
    }
}
