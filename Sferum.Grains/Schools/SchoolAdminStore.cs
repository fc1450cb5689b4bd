using Npgsql;
using Sferum.Identity;

namespace Sferum.Schools;

/// <summary>Table <c>school_admins</c>: read and written only by the school's grain.</summary>
public sealed class SchoolAdminStore(NpgsqlDataSource database)
{
    public async Task<List<SchoolAdmin>> ListAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand(
            "SELECT snils, last_name, first_name, middle_name, appointed_at FROM school_admins WHERE school_id = @school ORDER BY last_name, first_name");
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        var admins = new List<SchoolAdmin>();
        while (await reader.ReadAsync())
        {
            admins.Add(new SchoolAdmin(
                reader.GetString(0),
                new PersonName(reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)),
                reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return admins;
    }

    public async Task AddAsync(Guid schoolId, string snils, PersonName name, Guid? appointedBy)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO school_admins (school_id, snils, last_name, first_name, middle_name, appointed_by)
            VALUES (@school, @snils, @last, @first, @middle, @by)
            ON CONFLICT (school_id, snils) DO UPDATE
            SET last_name = excluded.last_name, first_name = excluded.first_name, middle_name = excluded.middle_name
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("snils", snils);
        command.Parameters.AddWithValue("last", name.LastName);
        command.Parameters.AddWithValue("first", name.FirstName);
        command.Parameters.AddWithValue("middle", (object?)name.MiddleName ?? DBNull.Value);
        command.Parameters.AddWithValue("by", (object?)appointedBy ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    public async Task RemoveAsync(Guid schoolId, string snils)
    {
        await using var command = database.CreateCommand("DELETE FROM school_admins WHERE school_id = @school AND snils = @snils");
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("snils", snils);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Schools where the holder of this SNILS is an admin.</summary>
    public async Task<List<Guid>> SchoolsOfAsync(string snils)
    {
        await using var command = database.CreateCommand("SELECT school_id FROM school_admins WHERE snils = @snils");
        command.Parameters.AddWithValue("snils", snils);
        await using var reader = await command.ExecuteReaderAsync();
        var schools = new List<Guid>();
        while (await reader.ReadAsync())
        {
            schools.Add(reader.GetGuid(0));
        }

        return schools;
    }
}
