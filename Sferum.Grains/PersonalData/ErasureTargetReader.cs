using Npgsql;
using Sferum.Identity;

namespace Sferum.PersonalData;

/// <summary>
/// Finds everything an erasure must reach, before anything is destroyed: roster entries and invitation rows (with the
/// names they carry), every other copy of the person's name, their chats (and so the meetings, polls and classes whose
/// grains keep names in memory or in state), and which categories of data exist to be named in the act.
/// </summary>
public sealed class ErasureTargetReader(NpgsqlDataSource database)
{
    private sealed record Entry(Guid SchoolId, string JournalId, short Role, string Last, string First, string? Middle,
        bool Birth, string? Snils, string? Email, string? Phone, string? Position);

    public async Task<ErasureTarget> ForUserAsync(Guid userId, UserProfile? profile)
    {
        await using var connection = await database.OpenConnectionAsync();
        var entries = await EntriesAsync(connection, "p.user_id = @user", c => c.Parameters.AddWithValue("user", userId));
        var names = new List<string?>();
        if (profile is not null)
        {
            names.AddRange(ErasureNames.Forms(profile.Name));
        }

        names.AddRange(entries.SelectMany(e => ErasureNames.Forms(new PersonName(e.Last, e.First, e.Middle))));
        var snils = profile?.Snils ?? entries.Select(e => e.Snils).FirstOrDefault(s => s is not null);
        // Identifiers copied into free text (import change lists, reports) go the way of the name.
        names.AddRange([snils, profile?.Email, profile?.Phone, .. entries.SelectMany(e => new[] { e.Snils, e.Email, e.Phone })]);
        var copies = await StringsAsync(connection, """
            SELECT author_name FROM chat_messages WHERE author_id = @user
            UNION SELECT author_name FROM class_materials WHERE author_id = @user
            UNION SELECT user_name FROM community_requests WHERE user_id = @user
            UNION SELECT display_name FROM invitation_uses WHERE user_id = @user
            UNION SELECT author_name FROM message_reports WHERE author_id = @user
            UNION SELECT reporter_name FROM message_reports WHERE reporter_id = @user
            UNION SELECT child_name FROM invitations WHERE child_user_id = @user AND child_name IS NOT NULL
            UNION SELECT concat_ws(' ', last_name, first_name, middle_name) FROM class_invitees WHERE user_id = @user
            UNION SELECT concat_ws(' ', first_name, last_name) FROM class_invitees WHERE user_id = @user
            UNION SELECT concat_ws(' ', last_name, first_name, middle_name) FROM school_admins WHERE snils = @snils
            """, c =>
        {
            c.Parameters.AddWithValue("user", userId);
            c.Parameters.AddWithValue("snils", (object?)snils ?? DBNull.Value);
        });
        names.AddRange(copies);

        var invitedSchools = await GuidsAsync(connection, "SELECT DISTINCT school_id FROM class_invitees WHERE user_id = @user",
            c => c.Parameters.AddWithValue("user", userId));
        var schools = entries.Select(e => e.SchoolId).Concat(invitedSchools).Distinct().ToList();
        var classes = await GuidsAsync(connection, """
            SELECT class_id FROM user_class_roles WHERE user_id = @user
            UNION SELECT class_id FROM class_invitees WHERE user_id = @user
            """, c => c.Parameters.AddWithValue("user", userId));
        var chats = await GuidsAsync(connection, """
            SELECT chat_id FROM chat_members WHERE user_id = @user
            UNION SELECT chat_id FROM chat_reads WHERE user_id = @user
            UNION SELECT DISTINCT chat_id FROM chat_messages WHERE author_id = @user
            UNION SELECT class_chat_id FROM roster_classes WHERE class_id = ANY(@classes)
            UNION SELECT parents_chat_id FROM roster_classes WHERE class_id = ANY(@classes)
            UNION SELECT chat_id FROM chats WHERE kind = 4 AND school_id = ANY(@schools)
            """, c =>
        {
            c.Parameters.AddWithValue("user", userId);
            c.Parameters.AddWithValue("classes", classes.ToArray());
            c.Parameters.AddWithValue("schools", schools.ToArray());
        });
        var (meetings, polls) = await ChatGrainsAsync(connection, chats);
        var invitations = await GuidsAsync(connection, """
            SELECT invitation_id FROM invitations WHERE child_user_id = @user OR created_by = @user
            UNION SELECT invitation_id FROM invitation_uses WHERE user_id = @user
            UNION SELECT i.invitation_id FROM invitations i JOIN roster_people p ON p.school_id = i.school_id AND p.journal_id = i.child_journal_id
                  WHERE p.user_id = @user
            """, c => c.Parameters.AddWithValue("user", userId));
        var counts = await CountsAsync(connection, userId);

        var categories = new List<string> { "фамилия, имя, отчество" };
        AddIf(categories, snils is not null, "СНИЛС");
        AddIf(categories, profile?.Email is not null || entries.Any(e => e.Email is not null), "адрес электронной почты");
        AddIf(categories, profile?.Phone is not null || entries.Any(e => e.Phone is not null), "номер телефона");
        AddIf(categories, entries.Any(e => e.Birth), "дата рождения");
        AddIf(categories, entries.Any(e => e.Position is not null), "должность");
        AddIf(categories, entries.Count > 0, "запись в списках школы (класс, связи родитель — ребёнок, преподавание)");
        AddIf(categories, profile is not null, "учётная запись Сферума и связь со входом через Госуслуги (идентификатор субъекта)");
        AddIf(categories, counts.Sessions > 0, "сведения о сеансах входа (устройство, IP-адрес)");
        AddIf(categories, counts.Files > 0, "файлы, загруженные субъектом");
        AddIf(categories, counts.Messages > 0, "имя автора в сообщениях чатов");
        categories.Add("сведения об участии в чатах, классах, сообществах и встречах");

        var personName = profile?.Name.FullName
            ?? entries.Select(e => new PersonName(e.Last, e.First, e.Middle).FullName).FirstOrDefault() ?? FormerMember.Name;
        return new ErasureTarget(userId, entries.Select(e => (e.SchoolId, e.JournalId)).ToList(), schools,
            ErasureNames.Distinct(names), personName, RoleOf(entries, invitedSchools.Count > 0), categories, chats, meetings, classes,
            polls, invitations);
    }

    /// <summary>A roster entry of someone without a Sferum account (or whose account stays, being in another school).</summary>
    public async Task<ErasureTarget?> ForRosterEntryAsync(Guid schoolId, string journalId)
    {
        await using var connection = await database.OpenConnectionAsync();
        var entries = await EntriesAsync(connection, "p.school_id = @school AND p.journal_id = @journal", c =>
        {
            c.Parameters.AddWithValue("school", schoolId);
            c.Parameters.AddWithValue("journal", journalId);
        });
        if (entries.Count == 0)
        {
            return null;
        }

        var e = entries[0];
        var name = new PersonName(e.Last, e.First, e.Middle);
        var classes = await GuidsAsync(connection, "SELECT class_id FROM roster_class_roles WHERE school_id = @school AND journal_id = @journal", c =>
        {
            c.Parameters.AddWithValue("school", schoolId);
            c.Parameters.AddWithValue("journal", journalId);
        });
        var invitations = await GuidsAsync(connection, "SELECT invitation_id FROM invitations WHERE school_id = @school AND child_journal_id = @journal", c =>
        {
            c.Parameters.AddWithValue("school", schoolId);
            c.Parameters.AddWithValue("journal", journalId);
        });
        var categories = new List<string> { "фамилия, имя, отчество" };
        AddIf(categories, e.Snils is not null, "СНИЛС");
        AddIf(categories, e.Email is not null, "адрес электронной почты");
        AddIf(categories, e.Phone is not null, "номер телефона");
        AddIf(categories, e.Birth, "дата рождения");
        AddIf(categories, e.Position is not null, "должность");
        categories.Add("запись в списках школы (класс, связи родитель — ребёнок, преподавание)");
        return new ErasureTarget(null, [(schoolId, journalId)], [schoolId],
            ErasureNames.Distinct([.. ErasureNames.Forms(name), e.Snils, e.Email, e.Phone]), name.FullName,
            RoleOf(entries, false), categories, [], [], classes, [], invitations);
    }

    /// <summary>
    /// True when the account is still lawfully in use elsewhere: on another current roster entry than <paramref name="except"/>
    /// (any school), in a class by invitation, or an admin of a school.
    /// </summary>
    public async Task<bool> IsCurrentElsewhereAsync(Guid userId, Guid exceptSchoolId, string? exceptJournalId)
    {
        await using var command = database.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM roster_people WHERE user_id = @user AND removed_at IS NULL
                           AND NOT (school_id = @school AND (@journal IS NULL OR journal_id = @journal)))
                OR EXISTS (SELECT 1 FROM class_invitees_current WHERE user_id = @user AND (@journal IS NOT NULL OR school_id <> @school))
                OR EXISTS (SELECT 1 FROM school_admins a JOIN user_identities u ON u.snils = a.snils WHERE u.user_id = @user
                           AND (@journal IS NOT NULL OR a.school_id <> @school))
            """);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("school", exceptSchoolId);
        command.Parameters.Add(new NpgsqlParameter<string?>("journal", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = exceptJournalId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>True when the account is, or was, in this school: on its roster (even as a leaver), or in one of its classes by invitation.</summary>
    public async Task<bool> BelongsToSchoolAsync(Guid userId, Guid schoolId)
    {
        await using var command = database.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM roster_people WHERE user_id = @user AND school_id = @school)
                OR EXISTS (SELECT 1 FROM class_invitees WHERE user_id = @user AND school_id = @school)
            """);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("school", schoolId);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The account a roster entry is linked to, if any.</summary>
    public async Task<(bool Exists, Guid? UserId)> RosterEntryAsync(Guid schoolId, string journalId)
    {
        await using var command = database.CreateCommand("SELECT user_id FROM roster_people WHERE school_id = @school AND journal_id = @journal");
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("journal", journalId);
        var value = await command.ExecuteScalarAsync();
        return value is null ? (false, null) : (true, value as Guid?);
    }

    private static string RoleOf(IReadOnlyList<Entry> entries, bool invited)
    {
        var roles = entries.Select(e => e.Role switch
        {
            0 => "обучающийся",
            1 => "родитель (законный представитель) обучающегося",
            _ => "работник" + (e.Position is null ? "" : $" ({e.Position})"),
        }).Distinct().ToList();
        if (invited)
        {
            roles.Add("участник по приглашению");
        }

        return roles.Count == 0 ? "пользователь Сферума" : string.Join("; ", roles);
    }

    private static void AddIf(List<string> list, bool condition, string item)
    {
        if (condition)
        {
            list.Add(item);
        }
    }

    private static async Task<List<Entry>> EntriesAsync(NpgsqlConnection connection, string where, Action<NpgsqlCommand> bind)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT p.school_id, p.journal_id, p.role, p.last_name, p.first_name, p.middle_name, p.birth_date IS NOT NULL, p.snils,
                   p.email, p.phone, p.position
            FROM roster_people p WHERE {where} ORDER BY p.removed_at IS NOT NULL, p.school_id, p.journal_id
            """, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var entries = new List<Entry>();
        while (await reader.ReadAsync())
        {
            entries.Add(new Entry(reader.GetGuid(0), reader.GetString(1), reader.GetInt16(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return entries;
    }

    private static async Task<(List<Guid> Meetings, List<Guid> Polls)> ChatGrainsAsync(NpgsqlConnection connection, List<Guid> chats)
    {
        var meetings = await GuidsAsync(connection, "SELECT DISTINCT meeting_id FROM chat_messages WHERE chat_id = ANY(@chats) AND meeting_id IS NOT NULL",
            c => c.Parameters.AddWithValue("chats", chats.ToArray()));
        var polls = await GuidsAsync(connection, "SELECT poll_id FROM polls WHERE chat_id = ANY(@chats)",
            c => c.Parameters.AddWithValue("chats", chats.ToArray()));
        return (meetings, polls);
    }

    private static async Task<(long Sessions, long Files, long Messages)> CountsAsync(NpgsqlConnection connection, Guid userId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM user_sessions WHERE user_id = @user),
                   (SELECT count(*) FROM chat_messages WHERE author_id = @user AND attachments <> '[]')
                   + (SELECT count(*) FROM class_materials WHERE author_id = @user AND file_hash IS NOT NULL),
                   (SELECT count(*) FROM chat_messages WHERE author_id = @user)
            """, connection);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<List<string>> StringsAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> bind)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            if (!reader.IsDBNull(0))
            {
                values.Add(reader.GetString(0));
            }
        }

        return values;
    }

    private static async Task<List<Guid>> GuidsAsync(NpgsqlConnection connection, string sql, Action<NpgsqlCommand> bind)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<Guid>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetGuid(0));
        }

        return values;
    }
}
