using Npgsql;

namespace Sferum.Notices;

/// <summary>Table <c>staff_notices</c>: written by the incidents' reminders, read and dismissed by each person.</summary>
public sealed class NoticeStore(NpgsqlDataSource database)
{
    /// <summary>One notice per person for this incident and stage; a stage told already is not told again.</summary>
    public async Task AddAsync(IReadOnlyCollection<Guid> userIds, Guid schoolId, Guid incidentId, string stage, string text, string link)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("""
            INSERT INTO staff_notices (notice_id, user_id, school_id, incident_id, stage, text, link)
            SELECT gen_random_uuid(), u, @school, @incident, @stage, @text, @link FROM unnest(@users) AS u
            ON CONFLICT (incident_id, stage, user_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("users", userIds.ToArray());
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.AddWithValue("stage", stage);
        command.Parameters.AddWithValue("text", text);
        command.Parameters.AddWithValue("link", link);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<StaffNotice>> ListAsync(Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT notice_id, text, link, created_at FROM staff_notices
            WHERE user_id = @user AND dismissed_at IS NULL ORDER BY created_at DESC LIMIT 20
            """);
        command.Parameters.AddWithValue("user", userId);
        await using var r = await command.ExecuteReaderAsync();
        var notices = new List<StaffNotice>();
        while (await r.ReadAsync())
        {
            notices.Add(new StaffNotice(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3)));
        }

        return notices;
    }

    public async Task DismissAsync(Guid userId, Guid noticeId)
    {
        await using var command = database.CreateCommand(
            "UPDATE staff_notices SET dismissed_at = now() WHERE notice_id = @id AND user_id = @user AND dismissed_at IS NULL");
        command.Parameters.AddWithValue("id", noticeId);
        command.Parameters.AddWithValue("user", userId);
        await command.ExecuteNonQueryAsync();
    }
}
