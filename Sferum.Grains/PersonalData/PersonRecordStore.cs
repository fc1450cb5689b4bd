using Npgsql;
using NpgsqlTypes;

namespace Sferum.PersonalData;

/// <summary>A person's roster record (or invitation row) in one school, read for the admin and corrected field by field.</summary>
public sealed class PersonRecordStore(NpgsqlDataSource database)
{
    public sealed record Row(string MemberKey, Guid? UserId, string LastName, string FirstName, string? MiddleName, DateOnly? BirthDate,
        string? Email, string? Phone, string Role, bool OnRoster, bool LeftRoster);

    public async Task<Row?> LoadAsync(Guid schoolId, string memberKey)
    {
        var invitedUser = Guid.Empty;
        var invitee = memberKey.StartsWith("u:", StringComparison.Ordinal) && Guid.TryParse(memberKey[2..], out invitedUser);
        await using var command = database.CreateCommand(invitee
            ? """
              SELECT 'u:' || i.user_id, i.user_id, i.last_name, i.first_name, i.middle_name, NULL::date, NULL, NULL,
                     string_agg(DISTINCT CASE i.role WHEN 0 THEN 'ученик ' WHEN 1 THEN 'родитель, ' ELSE 'учитель ' END || c.name, '; '),
                     false, false
              FROM class_invitees i JOIN roster_classes c ON c.class_id = i.class_id
              WHERE i.school_id = @school AND i.user_id = @user
              GROUP BY i.user_id, i.last_name, i.first_name, i.middle_name LIMIT 1
              """
            : """
              SELECT p.journal_id, p.user_id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.email, p.phone,
                     CASE p.role WHEN 0 THEN 'ученик' WHEN 1 THEN 'родитель' ELSE 'сотрудник' END
                     || coalesce(' (' || (SELECT string_agg(DISTINCT c.name, ', ') FROM roster_class_roles r
                                           JOIN roster_classes c ON c.class_id = r.class_id
                                           WHERE r.school_id = p.school_id AND r.journal_id = p.journal_id) || ')', ''),
                     true, p.removed_at IS NOT NULL
              FROM roster_people p WHERE p.school_id = @school AND p.journal_id = @journal
              """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("journal", memberKey);
        command.Parameters.AddWithValue("user", invitee ? invitedUser : Guid.Empty);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Text(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5), Text(6), Text(7), Text(8) ?? "", reader.GetBoolean(9), reader.GetBoolean(10));
    }

    /// <summary>Sets one field of the roster record; returns the classes whose grains show it.</summary>
    public async Task<List<Guid>> CorrectAsync(Guid schoolId, string journalId, CorrectableField field, object? value)
    {
        var column = field switch
        {
            CorrectableField.LastName => "last_name",
            CorrectableField.FirstName => "first_name",
            CorrectableField.MiddleName => "middle_name",
            CorrectableField.BirthDate => "birth_date",
            CorrectableField.Email => "email",
            _ => "phone",
        };
        await using var command = database.CreateCommand($"""
            UPDATE roster_people SET {column} = @value WHERE school_id = @school AND journal_id = @journal;
            SELECT class_id FROM roster_class_roles WHERE school_id = @school AND journal_id = @journal
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("journal", journalId);
        command.Parameters.Add(field == CorrectableField.BirthDate
            ? new NpgsqlParameter("value", NpgsqlDbType.Date) { Value = value ?? DBNull.Value }
            : new NpgsqlParameter("value", NpgsqlDbType.Text) { Value = value ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync();
        var classes = new List<Guid>();
        while (await reader.ReadAsync())
        {
            classes.Add(reader.GetGuid(0));
        }

        return classes;
    }
}
