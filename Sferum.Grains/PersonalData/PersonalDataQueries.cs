using System.Data.Common;
using Npgsql;

namespace Sferum.PersonalData;

/// <summary>
/// The SQL behind an export: each query returns rows about one person only — their own records, their messages,
/// their sessions, entries of the audit log whose subject they are — never rows about anyone else.
/// </summary>
public sealed class PersonalDataQueries(NpgsqlDataSource database)
{
    public Task<List<Dictionary<string, object?>>> RosterAsync(Guid? userId, Guid? schoolId, string? journalId) => RowsAsync("""
        SELECT p.school_id AS "школа", p.journal_id AS "номер_в_журнале",
               CASE p.role WHEN 0 THEN 'ученик' WHEN 1 THEN 'родитель' ELSE 'сотрудник' END AS "роль",
               p.last_name AS "фамилия", p.first_name AS "имя", p.middle_name AS "отчество", p.birth_date AS "дата_рождения",
               p.snils AS "снилс", p.email AS "эл_почта", p.phone AS "телефон", p.position AS "должность",
               p.linked_at AS "связано_с_учётной_записью", p.removed_at AS "исключён_из_списков",
               (SELECT array_agg(e.academic_year || ': ' || e.class_name ORDER BY e.academic_year) FROM roster_enrollments e
                WHERE e.school_id = p.school_id AND e.student_id = p.journal_id) AS "классы_ученика",
               (SELECT array_agg(t.academic_year || ': ' || t.class_name || CASE WHEN t.is_homeroom THEN ' (классный руководитель)' ELSE '' END
                                 ORDER BY t.academic_year, t.class_name) FROM roster_teaching t
                WHERE t.school_id = p.school_id AND t.staff_id = p.journal_id) AS "классы_учителя",
               'электронный журнал школы' AS "источник"
        FROM roster_people p
        WHERE (@user::uuid IS NOT NULL AND p.user_id = @user) OR (p.school_id = @school AND p.journal_id = @journal)
        ORDER BY p.school_id
        """, ("user", userId), ("school", schoolId), ("journal", journalId));

    /// <summary>Consents given for the person (by them or by a parent): the accepted document itself, when, and any withdrawal.</summary>
    public Task<List<Dictionary<string, object?>>> ConsentsAsync(Guid? userId, Guid? schoolId, string? journalId) => RowsAsync("""
        SELECT c.purpose AS "цель", c.text_version AS "версия_текста", c.operator_name AS "оператор", c.operator_address AS "адрес_оператора",
               c.as_parent AS "дано_родителем", c.accepted_at AS "дано", c.withdrawn_at AS "отозвано", c.remaining_basis AS "остающееся_основание",
               encode(c.document_sha256, 'hex') AS "sha256_документа", c.document AS "текст_согласия"
        FROM consents c
        WHERE (@user::uuid IS NOT NULL AND c.subject_user_id = @user) OR (c.school_id = @school AND c.subject_key = @journal)
        ORDER BY c.accepted_at
        """, ("user", userId), ("school", schoolId), ("journal", journalId));

    public Task<List<Dictionary<string, object?>>> ClassesAsync(Guid userId) => RowsAsync("""
        SELECT c.name AS "класс", c.academic_year AS "учебный_год",
               CASE u.role WHEN 0 THEN 'ученик' WHEN 1 THEN 'родитель' WHEN 2 THEN 'учитель' ELSE 'классный руководитель' END AS "роль"
        FROM user_class_roles u JOIN roster_classes c ON c.class_id = u.class_id
        WHERE u.user_id = @user ORDER BY c.academic_year, c.name
        """, ("user", userId));

    public Task<List<Dictionary<string, object?>>> ChatsAsync(Guid userId) => RowsAsync($"""
        SELECT m.chat_id AS "чат", {ChatTitle("m.chat_id")} AS "название", m.added_at AS "добавлен", m.moderator AS "модератор"
        FROM chat_members m WHERE m.user_id = @user ORDER BY m.added_at
        """, ("user", userId));

    public Task<List<Dictionary<string, object?>>> MessagesAsync(Guid userId) => RowsAsync($"""
        SELECT m.chat_id AS "чат", {ChatTitle("m.chat_id")} AS "название_чата", m.seq AS "номер", m.at AS "отправлено",
               m.text AS "текст", m.reply_to AS "ответ_на", m.edited_at AS "изменено", m.deleted_at AS "удалено",
               m.attachments AS "вложения"
        FROM chat_messages m WHERE m.author_id = @user ORDER BY m.at, m.chat_id, m.seq
        """, ("user", userId));

    public Task<List<Dictionary<string, object?>>> MaterialsAsync(Guid userId) => RowsAsync("""
        SELECT m.title AS "название", m.subject AS "предмет", m.lesson_date AS "дата_урока", m.file_name AS "файл",
               m.file_hash AS "sha256", m.url AS "ссылка"
        FROM class_materials m WHERE m.author_id = @user ORDER BY m.lesson_date
        """, ("user", userId));

    public Task<List<Dictionary<string, object?>>> SessionsAsync(Guid userId) => RowsAsync("""
        SELECT created_at AS "вход", last_seen_at AS "последняя_активность", user_agent AS "браузер", address AS "адрес",
               ended_at AS "завершён", ended_reason AS "причина"
        FROM user_sessions WHERE user_id = @user ORDER BY created_at
        """, ("user", userId));

    public Task<List<Dictionary<string, object?>>> AuditAsync(Guid userId) => RowsAsync("""
        SELECT at AS "когда", action AS "действие", summary AS "описание", client_address::text AS "адрес"
        FROM audit_log WHERE subject_user_id = @user ORDER BY seq
        """, ("user", userId));

    /// <summary>Files the person put into Sferum: attachments of their messages (recordings of the meetings they hosted too) and their materials.</summary>
    public async Task<List<(string Hash, string FileName)>> FilesAsync(Guid userId)
    {
        await using var command = database.CreateCommand("""
            SELECT a->>'hash', a->>'fileName' FROM chat_messages m, jsonb_array_elements(m.attachments) a
            WHERE m.author_id = @user AND m.deleted_at IS NULL
            UNION
            SELECT file_hash, file_name FROM class_materials WHERE author_id = @user AND file_hash IS NOT NULL
            """);
        command.Parameters.AddWithValue("user", userId);
        var files = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            files.Add((reader.GetString(0), reader.IsDBNull(1) ? "файл" : reader.GetString(1)));
        }

        return files;
    }

    // A class's two chats are named after the class; direct, group and community chats have their own titles.
    private static string ChatTitle(string chat) => $"""
        coalesce((SELECT c.title FROM chats c WHERE c.chat_id = {chat}),
                 (SELECT k.name || CASE WHEN k.parents_chat_id = {chat} THEN ', чат родителей' ELSE ', чат класса' END
                  FROM roster_classes k WHERE {chat} IN (k.class_chat_id, k.parents_chat_id) LIMIT 1))
        """;

    private async Task<List<Dictionary<string, object?>>> RowsAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<Dictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(Row(reader));
        }

        return rows;
    }

    private static Dictionary<string, object?> Row(DbDataReader reader)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetDataTypeName(i) == "jsonb"
                ? System.Text.Json.JsonDocument.Parse(reader.GetString(i)).RootElement.Clone()
                : reader.GetValue(i);
        }

        return row;
    }
}
