using Npgsql;

namespace Sferum.Communities;

/// <summary>Communities' directory data (columns of <c>chats</c>), their members' leader flags and <c>community_requests</c>.</summary>
public sealed class CommunityStore(NpgsqlDataSource database)
{
    public sealed record Row(Guid ChatId, string Title, string Description, int[] OpenGrades, bool OpenToParents, int Members,
        bool? MeAdmin, bool? MyRequestApproved, bool MyRequestPending);

    public async Task<List<Row>> ListAsync(Guid schoolId, Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT c.chat_id, c.title, c.description, c.open_grades::int[], c.open_to_parents,
                   (SELECT count(*)::int FROM chat_members m WHERE m.chat_id = c.chat_id),
                   me.moderator, r.approved, r.chat_id IS NOT NULL AND r.decided_at IS NULL
            FROM chats c
            LEFT JOIN chat_members me ON me.chat_id = c.chat_id AND me.user_id = @user
            LEFT JOIN community_requests r ON r.chat_id = c.chat_id AND r.user_id = @user
            WHERE c.school_id = @school AND c.kind = 5
            ORDER BY c.title
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("user", userId);
        var rows = new List<Row>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(new Row(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<int[]>(3), r.GetBoolean(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetBoolean(7), r.GetBoolean(8)));
        }

        return rows;
    }

    public async Task SetSettingsAsync(Guid chatId, CommunitySettings settings)
    {
        await using var command = database.CreateCommand("""
            UPDATE chats SET title = @title, description = @description, open_grades = @grades::smallint[], open_to_parents = @parents
            WHERE chat_id = @chat AND kind = 5
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("title", settings.Title);
        command.Parameters.AddWithValue("description", settings.Description);
        command.Parameters.AddWithValue("grades", settings.OpenGrades.ToArray());
        command.Parameters.AddWithValue("parents", settings.OpenToParents);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The grades the user studies in at the school and whether they are a parent there.</summary>
    public async Task<(HashSet<int> Grades, bool Parent)> StandingAsync(Guid schoolId, Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT c.grade, r.role FROM user_class_roles r JOIN roster_classes c ON c.class_id = r.class_id
            WHERE r.school_id = @school AND r.user_id = @user AND c.removed_at IS NULL
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("user", userId);
        var grades = new HashSet<int>();
        var parent = false;
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var role = r.GetInt32(1);
            if (role == 0)
            {
                grades.Add(r.GetInt32(0));
            }

            parent |= role == 1;
        }

        return (grades, parent);
    }

    /// <summary>Records a request; one decided before is opened again. Returns false when one is already waiting.</summary>
    public async Task<bool> RequestAsync(Guid chatId, Guid userId, string name, string? note)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO community_requests (chat_id, user_id, user_name, note) VALUES (@chat, @user, @name, @note)
            ON CONFLICT (chat_id, user_id) DO UPDATE
                SET note = excluded.note, user_name = excluded.user_name, requested_at = now(), decided_at = NULL, decided_by = NULL, approved = NULL
                WHERE community_requests.decided_at IS NOT NULL
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("note", (object?)note ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    public async Task<List<JoinRequest>> PendingAsync(Guid chatId)
    {
        await using var command = database.CreateCommand(
            "SELECT user_id, user_name, note, requested_at FROM community_requests WHERE chat_id = @chat AND decided_at IS NULL ORDER BY requested_at");
        command.Parameters.AddWithValue("chat", chatId);
        var list = new List<JoinRequest>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add(new JoinRequest(r.GetGuid(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        }

        return list;
    }

    /// <summary>Decides a waiting request; an approval adds the member in the same transaction. False when none was waiting.</summary>
    public async Task<bool> DecideAsync(Guid chatId, Guid userId, Guid by, bool approve)
    {
        await using var command = database.CreateCommand("""
            WITH decided AS (
                UPDATE community_requests SET decided_at = now(), decided_by = @by, approved = @approve
                WHERE chat_id = @chat AND user_id = @user AND decided_at IS NULL RETURNING user_id),
            added AS (
                INSERT INTO chat_members (chat_id, user_id) SELECT @chat, user_id FROM decided WHERE @approve
                ON CONFLICT DO NOTHING RETURNING user_id),
            readmitted AS (
                DELETE FROM chat_exclusions WHERE @approve AND chat_id = @chat AND user_id IN (SELECT user_id FROM decided) RETURNING user_id)
            SELECT count(*)::int FROM decided
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("by", by);
        command.Parameters.AddWithValue("approve", approve);
        return (int)(await command.ExecuteScalarAsync())! > 0;
    }

    public async Task<List<(Guid UserId, bool Admin)>> MembersAsync(Guid chatId)
    {
        await using var command = database.CreateCommand("SELECT user_id, moderator FROM chat_members WHERE chat_id = @chat ORDER BY added_at");
        command.Parameters.AddWithValue("chat", chatId);
        var list = new List<(Guid, bool)>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            list.Add((r.GetGuid(0), r.GetBoolean(1)));
        }

        return list;
    }

    public async Task SetAdminAsync(Guid chatId, Guid userId, bool admin)
    {
        await using var command = database.CreateCommand("UPDATE chat_members SET moderator = @admin WHERE chat_id = @chat AND user_id = @user");
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("admin", admin);
        await command.ExecuteNonQueryAsync();
    }
}
