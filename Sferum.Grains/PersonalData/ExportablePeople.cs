using Npgsql;

namespace Sferum.PersonalData;

/// <summary>
/// Whose data a user may export: themselves, and each child they are a parent of on a school's roster — by the
/// journal's guardianship or by a parent's invitation — while the child is a minor (152-FZ: a parent acts for a child
/// under 18; a pupil whose roster birth date says 18 or more exports their own data).
/// </summary>
public sealed class ExportablePeople(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task<IReadOnlyList<ExportablePerson>> ForAsync(Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT DISTINCT c.school_id, c.journal_id, c.user_id, concat_ws(' ', c.last_name, c.first_name, c.middle_name), c.birth_date
            FROM roster_people c
            WHERE c.role = 0 AND c.removed_at IS NULL AND (
                EXISTS (SELECT 1 FROM roster_guardianships g
                        JOIN roster_people p ON p.school_id = g.school_id AND p.journal_id = g.parent_id AND p.removed_at IS NULL
                        WHERE g.school_id = c.school_id AND g.student_id = c.journal_id AND p.user_id = @user)
                OR EXISTS (SELECT 1 FROM class_invitees_current i
                           WHERE i.school_id = c.school_id AND i.user_id = @user AND i.role = 1
                             AND (i.child_journal_id = c.journal_id OR (c.user_id IS NOT NULL AND i.child_user_id = c.user_id))))
            ORDER BY 4
            """);
        command.Parameters.AddWithValue("user", userId);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var people = new List<ExportablePerson> { new(userId, null, null, "Мои данные", IsSelf: true) };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(4) && reader.GetFieldValue<DateOnly>(4).AddYears(18) <= today)
            {
                continue;
            }

            people.Add(new ExportablePerson(reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetGuid(0), reader.GetString(1),
                reader.GetString(3), IsSelf: false));
        }

        return people;
    }
}
