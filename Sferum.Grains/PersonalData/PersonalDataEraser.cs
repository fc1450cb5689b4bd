using Npgsql;

namespace Sferum.PersonalData;

/// <summary>
/// The destroying statements of an erasure, in one transaction: everything about the person goes or is renamed
/// «бывший участник», or nothing does. Every statement can run again without harm (a silo may die after the commit,
/// before the grain recorded it). The audit log is not touched here: its redaction is its own guarded step.
/// </summary>
public sealed class PersonalDataEraser(NpgsqlDataSource database)
{
    // For a person with an account: every trace of the account, wherever it was copied.
    private const string AccountSql = """
        UPDATE chat_messages SET author_name = @former WHERE author_id = @user AND author_name <> @former;
        -- Files they attached go; a meeting's recording follows the recordings policy instead (below).
        UPDATE chat_messages SET attachments = '[]' WHERE author_id = @user AND attachments <> '[]'
            AND (client_id IS NULL OR client_id NOT LIKE 'recording-%');
        UPDATE chat_messages SET text = NULL, attachments = '[]', reactions = '{}', pinned_at = NULL, poll_id = NULL,
                                 requires_ack = false, deleted_at = coalesce(deleted_at, now()), deleted_by = coalesce(deleted_by, @user)
            WHERE @deleteMessages AND author_id = @user AND meeting_id IS NULL AND (client_id IS NULL OR client_id NOT LIKE 'recording-%');
        UPDATE chat_events SET body = NULL WHERE @deleteMessages AND author_id = @user AND type IN (0, 1) AND body IS NOT NULL;
        UPDATE message_reports SET author_name = @former, message_text = CASE WHEN @deleteMessages THEN NULL ELSE message_text END
            WHERE author_id = @user;
        UPDATE message_reports SET reporter_name = @former, comment = NULL WHERE reporter_id = @user;
        DELETE FROM class_materials WHERE author_id = @user AND file_hash IS NOT NULL;
        UPDATE class_materials SET author_name = @former WHERE author_id = @user;
        UPDATE scheduled_messages SET text = '', cancelled_at = coalesce(cancelled_at, now()) WHERE author_id = @user;
        DELETE FROM chat_members WHERE user_id = @user;
        DELETE FROM chat_reads WHERE user_id = @user;
        DELETE FROM chat_mutes WHERE user_id = @user;
        DELETE FROM chat_exclusions WHERE user_id = @user;
        DELETE FROM message_acks WHERE user_id = @user;
        DELETE FROM community_requests WHERE user_id = @user;
        DELETE FROM invitation_uses WHERE user_id = @user;
        UPDATE invitations SET child_name = @former WHERE child_user_id = @user AND child_name IS DISTINCT FROM @former;
        DELETE FROM class_invitees WHERE user_id = @user;
        DELETE FROM school_admins WHERE snils = @snils;
        DELETE FROM user_sessions WHERE user_id = @user;
        DELETE FROM user_identities WHERE user_id = @user;
        DELETE FROM digest_settings WHERE user_id = @user;
        DELETE FROM digest_schedule WHERE user_id = @user;
        DELETE FROM digest_watermarks WHERE user_id = @user;
        DELETE FROM digest_sends WHERE user_id = @user;
        """;

    // For every roster entry of the person (with or without an account), and the free texts of the schools' imports.
    private const string RosterSql = """
        UPDATE invitations i SET child_name = @former FROM unnest(@entrySchools, @entryJournals) AS x(s, j)
            WHERE i.school_id = x.s AND i.child_journal_id = x.j AND i.child_name IS DISTINCT FROM @former;
        DELETE FROM roster_enrollments e USING unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE e.school_id = x.s AND e.student_id = x.j;
        DELETE FROM roster_guardianships g USING unnest(@entrySchools, @entryJournals) AS x(s, j)
            WHERE g.school_id = x.s AND (g.parent_id = x.j OR g.student_id = x.j);
        DELETE FROM roster_teaching t USING unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE t.school_id = x.s AND t.staff_id = x.j;
        DELETE FROM roster_people p USING unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE p.school_id = x.s AND p.journal_id = x.j;
        -- The uploaded journal files hold everyone's rows and are needed only until applied: a pending preview is
        -- superseded (the admin uploads again), and no import keeps its files past an erasure.
        UPDATE roster_imports SET status = 'superseded' WHERE school_id = ANY(@schools) AND status = 'previewed';
        DELETE FROM roster_import_files f USING roster_imports i
            WHERE f.import_id = i.import_id AND i.school_id = ANY(@schools) AND i.status <> 'applying';
        UPDATE roster_import_changes c SET subject = erase_names(c.subject, @names, @former), detail = erase_names(c.detail, @names, @former)
            FROM roster_imports i
            WHERE c.import_id = i.import_id AND i.school_id = ANY(@schools)
              AND EXISTS (SELECT 1 FROM unnest(@names) n WHERE position(n IN c.subject) > 0 OR position(n IN c.detail) > 0);
        UPDATE roster_imports SET report = erase_names(report::text, @names, @former)::jsonb
            WHERE school_id = ANY(@schools) AND EXISTS (SELECT 1 FROM unnest(@names) n WHERE position(n IN report::text) > 0);
        """;

    // The school's own records of the person's rights (consents, formal requests, exports), which other features
    // keep: the consented values go; the consent documents stay as the operator's proof (152-FZ art. 9 part 3) with the
    // person's names replaced — their document_sha256 still names the text as it was accepted — and the requests stay
    // in the queue under «бывший участник».
    private const string RecordsSql = """
        DELETE FROM consent_data d USING consents c
            WHERE d.consent_id = c.consent_id AND ((@user::uuid IS NOT NULL AND c.subject_user_id = @user)
               OR EXISTS (SELECT 1 FROM unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE c.school_id = x.s AND c.subject_key = x.j));
        UPDATE consents c SET subject_name = @former, document = erase_names(c.document, @names, @former)
            WHERE (@user::uuid IS NOT NULL AND c.subject_user_id = @user)
               OR EXISTS (SELECT 1 FROM unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE c.school_id = x.s AND c.subject_key = x.j);
        UPDATE consents c SET given_by_name = @former, document = erase_names(c.document, @names, @former)
            WHERE @user::uuid IS NOT NULL AND c.given_by = @user;
        UPDATE data_requests r SET subject_name = @former, details = erase_names(r.details, @names, @former)
            WHERE (@user::uuid IS NOT NULL AND r.subject_user_id = @user)
               OR EXISTS (SELECT 1 FROM unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE r.school_id = x.s AND r.subject_journal_id = x.j);
        UPDATE data_requests r SET requester_name = @former
            WHERE (@user::uuid IS NOT NULL AND r.requester_user_id = @user)
               OR EXISTS (SELECT 1 FROM unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE r.school_id = x.s AND r.requester_journal_id = x.j);
        DELETE FROM data_exports WHERE @user::uuid IS NOT NULL AND (requester_id = @user OR subject_user_id = @user);
        DELETE FROM data_exports e USING unnest(@entrySchools, @entryJournals) AS x(s, j) WHERE e.subject_school_id = x.s AND e.subject_journal_id = x.j;
        """;

    // A recording of a meeting the person was in, when the school's policy removes those.
    private const string RecordingsSql = """
        UPDATE chat_messages SET attachments = '[]' WHERE chat_id = ANY(@chats) AND client_id = ANY(@recordings) AND attachments <> '[]';
        """;

    /// <summary>The hashes of the files this erasure will detach (read before the transaction, kept by the grain).</summary>
    public async Task<List<string>> FilesAsync(Guid? userId, IReadOnlyList<Guid> chats, IReadOnlyList<string> recordings)
    {
        await using var command = database.CreateCommand("""
            SELECT DISTINCT a ->> 'hash' FROM chat_messages m, jsonb_array_elements(m.attachments) a
            WHERE m.author_id = @user AND (m.client_id IS NULL OR m.client_id NOT LIKE 'recording-%')
            UNION SELECT file_hash FROM class_materials WHERE author_id = @user AND file_hash IS NOT NULL
            UNION SELECT DISTINCT a ->> 'hash' FROM chat_messages m, jsonb_array_elements(m.attachments) a
            WHERE m.chat_id = ANY(@chats) AND m.client_id = ANY(@recordings)
            """);
        command.Parameters.AddWithValue("user", userId ?? Guid.Empty);
        command.Parameters.AddWithValue("chats", chats.ToArray());
        command.Parameters.AddWithValue("recordings", recordings.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var hashes = new List<string>();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                hashes.Add(reader.GetString(0));
            }
        }

        return hashes;
    }

    public async Task DestroyAsync(ErasureTarget target, string? snils, PersonalDataSettings policy, IReadOnlyList<string> recordings)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (target.UserId is { } userId)
        {
            await using var account = new NpgsqlCommand(AccountSql, connection, transaction);
            account.Parameters.AddWithValue("user", userId);
            account.Parameters.AddWithValue("former", FormerMember.Name);
            account.Parameters.AddWithValue("deleteMessages", policy.DeleteMessages);
            account.Parameters.AddWithValue("snils", (object?)snils ?? DBNull.Value);
            await account.ExecuteNonQueryAsync();
        }

        if (policy.DeleteRecordings && recordings.Count > 0)
        {
            await using var removeRecordings = new NpgsqlCommand(RecordingsSql, connection, transaction);
            removeRecordings.Parameters.AddWithValue("chats", target.Chats.ToArray());
            removeRecordings.Parameters.AddWithValue("recordings", recordings.ToArray());
            await removeRecordings.ExecuteNonQueryAsync();
        }

        // Before the roster: the records find the person's entries by their journal ids.
        await using (var records = new NpgsqlCommand(RecordsSql, connection, transaction))
        {
            records.Parameters.AddWithValue("user", (object?)target.UserId ?? DBNull.Value);
            records.Parameters.AddWithValue("former", FormerMember.Name);
            records.Parameters.AddWithValue("entrySchools", target.RosterEntries.Select(e => e.SchoolId).ToArray());
            records.Parameters.AddWithValue("entryJournals", target.RosterEntries.Select(e => e.JournalId).ToArray());
            records.Parameters.AddWithValue("names", target.Names.ToArray());
            await records.ExecuteNonQueryAsync();
        }

        await using (var roster = new NpgsqlCommand(RosterSql, connection, transaction))
        {
            roster.Parameters.AddWithValue("former", FormerMember.Name);
            roster.Parameters.AddWithValue("entrySchools", target.RosterEntries.Select(e => e.SchoolId).ToArray());
            roster.Parameters.AddWithValue("entryJournals", target.RosterEntries.Select(e => e.JournalId).ToArray());
            roster.Parameters.AddWithValue("schools", target.Schools.ToArray());
            roster.Parameters.AddWithValue("names", target.Names.ToArray());
            await roster.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>Of these files, those no message or material refers to any more: they can leave the file store.</summary>
    public async Task<List<string>> UnreferencedAsync(IReadOnlyList<string> hashes)
    {
        await using var command = database.CreateCommand("""
            SELECT h FROM unnest(@hashes) h
            WHERE NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.attachments @> jsonb_build_array(jsonb_build_object('hash', h)))
              AND NOT EXISTS (SELECT 1 FROM class_materials c WHERE c.file_hash = h)
            """);
        command.Parameters.AddWithValue("hashes", hashes.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var unreferenced = new List<string>();
        while (await reader.ReadAsync())
        {
            unreferenced.Add(reader.GetString(0));
        }

        return unreferenced;
    }
}
