using Npgsql;
using Sferum.Classes;

namespace Sferum.People;

/// <summary>
/// Reads what a person is in their schools and what ties a viewer to them: shared classes, shared chats, admin rights.
/// Classes come from <c>user_class_roles</c> (journal and invitations alike), so this agrees with the class pages.
/// </summary>
public sealed class MemberRelations(NpgsqlDataSource database)
{
    public sealed record Relations(
        IReadOnlyList<(Guid SchoolId, Guid ClassId, string ClassName, ClassRole Role)> PersonClasses,
        IReadOnlyList<(Guid SchoolId, bool IsStaff, string? Position, DateOnly? BirthDate)> PersonRosterEntries,
        IReadOnlySet<Guid> ViewerClasses,
        IReadOnlySet<Guid> PersonAdminSchools,
        IReadOnlySet<Guid> ViewerAdminSchools,
        IReadOnlySet<Guid> SharedChatSchools);

    public async Task<Relations> LoadAsync(Guid person, string? personSnils, Guid viewer, string? viewerSnils)
    {
        await using var batch = database.CreateBatch();
        Add(batch, """
            SELECT u.school_id, u.class_id, c.name, u.role FROM user_class_roles u
            JOIN roster_classes c ON c.class_id = u.class_id WHERE u.user_id = @person
            """, person, viewer);
        Add(batch, "SELECT school_id, role = 2, position, birth_date FROM roster_people WHERE user_id = @person AND removed_at IS NULL",
            person, viewer);
        Add(batch, "SELECT class_id FROM user_class_roles WHERE user_id = @viewer", person, viewer);
        // Admins are appointed by SNILS, and only a verified account carries one (see the school grain).
        var admins = Add(batch, "SELECT school_id, snils = @viewerSnils FROM school_admins WHERE snils IN (@personSnils, @viewerSnils)", person, viewer);
        admins.Parameters.AddWithValue("personSnils", (object?)personSnils ?? DBNull.Value);
        admins.Parameters.AddWithValue("viewerSnils", (object?)viewerSnils ?? DBNull.Value);
        Add(batch, """
            SELECT DISTINCT c.school_id FROM chat_members p
            JOIN chat_members v ON v.chat_id = p.chat_id AND v.user_id = @viewer
            JOIN chats c ON c.chat_id = p.chat_id
            WHERE p.user_id = @person
            """, person, viewer);

        await using var reader = await batch.ExecuteReaderAsync();
        var classes = new List<(Guid, Guid, string, ClassRole)>();
        while (await reader.ReadAsync())
        {
            classes.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), (ClassRole)reader.GetInt32(3)));
        }

        await reader.NextResultAsync();
        var entries = new List<(Guid, bool, string?, DateOnly?)>();
        while (await reader.ReadAsync())
        {
            entries.Add((reader.GetGuid(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3)));
        }

        await reader.NextResultAsync();
        var viewerClasses = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            viewerClasses.Add(reader.GetGuid(0));
        }

        await reader.NextResultAsync();
        var (personAdmin, viewerAdmin) = (new HashSet<Guid>(), new HashSet<Guid>());
        while (await reader.ReadAsync())
        {
            (reader.GetBoolean(1) ? viewerAdmin : personAdmin).Add(reader.GetGuid(0));
        }

        await reader.NextResultAsync();
        var sharedChats = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            sharedChats.Add(reader.GetGuid(0));
        }

        // A person who is also their own viewer is both; the "snils = @viewerSnils" column sorted them by the viewer.
        if (personSnils is not null && personSnils == viewerSnils)
        {
            personAdmin.UnionWith(viewerAdmin);
        }

        return new Relations(classes, entries, viewerClasses, personAdmin, viewerAdmin, sharedChats);
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, Guid person, Guid viewer)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("person", person);
        command.Parameters.AddWithValue("viewer", viewer);
        batch.BatchCommands.Add(command);
        return command;
    }
}
