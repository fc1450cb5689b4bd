using Npgsql;
using Sferum.Classes;
using Sferum.Identity;

namespace Sferum.DataRequests;

/// <summary>
/// Reads <see cref="SubjectData"/> from the project's tables for one school. Messages are counted in that school's
/// chats only (the class chats of its roster and its own chats): the school answers for what it processes.
/// </summary>
public sealed class SubjectDataReader(NpgsqlDataSource database)
{
    public async Task<SubjectData> ReadAsync(Guid schoolId, Guid? userId, string? journalId, UserProfile? account)
    {
        await using var batch = database.CreateBatch();
        // 0: the roster entries (by the journal id and by the matched user).
        Add(batch, """
            SELECT journal_id, role, last_name, first_name, middle_name, birth_date, snils, email, phone, position, created_at, removed_at
            FROM roster_people WHERE school_id = @school AND (journal_id = @journal OR (@user IS NOT NULL AND user_id = @user))
            ORDER BY created_at
            """);
        // 1: classes, through the journal and through invitations.
        Add(batch, """
            SELECT c.name, c.academic_year, r.role, false FROM roster_people p
            JOIN roster_class_roles r ON r.school_id = p.school_id AND r.journal_id = p.journal_id
            JOIN roster_classes c ON c.class_id = r.class_id
            WHERE p.school_id = @school AND (p.journal_id = @journal OR (@user IS NOT NULL AND p.user_id = @user))
            UNION
            SELECT c.name, c.academic_year, i.role, true FROM class_invitees i JOIN roster_classes c ON c.class_id = i.class_id
            WHERE i.school_id = @school AND i.user_id = @user AND i.removed_at IS NULL
            ORDER BY 1, 3
            """);
        // 2: direct chats, groups and communities of the school the person is a member of.
        Add(batch, """
            SELECT count(*) FILTER (WHERE c.kind = 2), count(*) FILTER (WHERE c.kind = 3), count(*) FILTER (WHERE c.kind = 5)
            FROM chat_members m JOIN chats c ON c.chat_id = m.chat_id WHERE m.user_id = @user AND c.school_id = @school
            """);
        // 3: their messages (not deleted or hidden) and the files attached to them, in the school's chats.
        Add(batch, """
            SELECT count(*), coalesce(sum(jsonb_array_length(m.attachments)), 0) FROM chat_messages m
            WHERE m.author_id = @user AND m.deleted_at IS NULL AND m.hidden_at IS NULL AND m.chat_id IN (
                SELECT class_chat_id FROM roster_classes WHERE school_id = @school
                UNION ALL SELECT parents_chat_id FROM roster_classes WHERE school_id = @school
                UNION ALL SELECT chat_id FROM chats WHERE school_id = @school)
            """);
        // 4: materials published, reports filed, sessions (devices and addresses), audit entries about them.
        Add(batch, """
            SELECT (SELECT count(*) FROM class_materials WHERE school_id = @school AND author_id = @user AND removed_at IS NULL),
                   (SELECT count(*) FROM message_reports WHERE school_id = @school AND reporter_id = @user),
                   (SELECT count(*) FROM user_sessions WHERE user_id = @user),
                   (SELECT count(*) FROM audit_log WHERE school_id = @school AND subject_user_id = @user)
            """);
        // 5: links between parents and children, counted (the other people are not named in the answer).
        Add(batch, """
            SELECT (SELECT count(DISTINCT g.student_id) FROM roster_guardianships g JOIN roster_people p
                        ON p.school_id = g.school_id AND p.journal_id = g.parent_id
                    WHERE g.school_id = @school AND (p.journal_id = @journal OR (@user IS NOT NULL AND p.user_id = @user)))
                 + (SELECT count(DISTINCT coalesce(i.child_journal_id, i.child_user_id::text)) FROM class_invitees i
                    WHERE i.school_id = @school AND i.user_id = @user AND i.role = 1 AND i.removed_at IS NULL),
                   (SELECT count(DISTINCT g.parent_id) FROM roster_guardianships g WHERE g.school_id = @school AND g.student_id = @journal)
                 + (SELECT count(DISTINCT i.user_id) FROM class_invitees i WHERE i.school_id = @school AND i.role = 1 AND i.removed_at IS NULL
                    AND (i.child_journal_id = @journal OR i.child_user_id = @user))
            """);
        foreach (NpgsqlBatchCommand command in batch.BatchCommands)
        {
            command.Parameters.AddWithValue("school", schoolId);
            command.Parameters.Add(new NpgsqlParameter<string?>("journal", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = journalId });
            command.Parameters.Add(new NpgsqlParameter<Guid?>("user", NpgsqlTypes.NpgsqlDbType.Uuid) { TypedValue = userId });
        }

        await using var r = await batch.ExecuteReaderAsync();
        var entries = new List<SubjectRosterEntry>();
        while (await r.ReadAsync())
        {
            entries.Add(new SubjectRosterEntry(r.GetString(0), r.GetInt16(1), new PersonName(r.GetString(2), r.GetString(3), Text(r, 4)),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), Text(r, 6), Text(r, 7), Text(r, 8), Text(r, 9),
                r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11)));
        }

        await r.NextResultAsync();
        var classes = new List<SubjectClass>();
        while (await r.ReadAsync())
        {
            classes.Add(new SubjectClass(r.GetString(0), r.GetString(1), (ClassRole)Convert.ToInt32(r.GetValue(2)), r.GetBoolean(3)));
        }

        var chats = await RowAsync(r, 3);
        var messages = await RowAsync(r, 2);
        var counts = await RowAsync(r, 4);
        var links = await RowAsync(r, 2);
        return new SubjectData(account, entries, classes, chats[0], chats[1], chats[2], messages[0], messages[1],
            counts[0], counts[1], counts[2], counts[3], links[0], links[1]);
    }

    private static void Add(NpgsqlBatch batch, string sql) => batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));

    private static async Task<int[]> RowAsync(NpgsqlDataReader r, int columns)
    {
        await r.NextResultAsync();
        await r.ReadAsync();
        return Enumerable.Range(0, columns).Select(i => Convert.ToInt32(r.GetValue(i))).ToArray();
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
