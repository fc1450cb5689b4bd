using Npgsql;
using Sferum.Chats;

namespace Sferum.Materials;

/// <summary>Table <c>class_materials</c>; each class's library grain is the only writer of its rows.</summary>
public sealed class MaterialStore(NpgsqlDataSource database)
{
    private const string Columns = "material_id, subject, title, lesson_date, file_hash, file_name, content_type, size, url, author_name, published_at, downloads";

    public async Task<List<ClassMaterial>> ListAsync(Guid classId, string? subject, string? query, int limit)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM class_materials
            WHERE class_id = @class AND removed_at IS NULL AND (@subject::text IS NULL OR subject = @subject)
              AND (@query::text IS NULL OR search @@ websearch_to_tsquery('russian', @query))
            ORDER BY lesson_date DESC, published_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("class", classId);
        command.Parameters.AddWithValue("subject", (object?)subject ?? DBNull.Value);
        command.Parameters.AddWithValue("query", (object?)query ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command);
    }

    public async Task<List<string>> SubjectsAsync(Guid classId)
    {
        await using var command = database.CreateCommand(
            "SELECT DISTINCT subject FROM class_materials WHERE class_id = @class AND removed_at IS NULL");
        command.Parameters.AddWithValue("class", classId);
        var subjects = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            subjects.Add(reader.GetString(0));
        }

        return subjects;
    }

    /// <summary>Adds the item unless the author already published one with this client id; returns the stored one.</summary>
    public async Task<ClassMaterial> AddAsync(Guid classId, Guid schoolId, Guid authorId, MaterialDraft draft, string authorName)
    {
        await using var command = database.CreateCommand($"""
            WITH added AS (
                INSERT INTO class_materials (material_id, class_id, school_id, client_id, subject, title, lesson_date, file_hash, file_name,
                                             content_type, size, url, author_id, author_name)
                VALUES (@id, @class, @school, @client, @subject, @title, @date, @hash, @name, @type, @size, @url, @author, @authorName)
                ON CONFLICT (class_id, author_id, client_id) DO NOTHING
                RETURNING {Columns})
            SELECT * FROM added
            UNION ALL SELECT {Columns} FROM class_materials WHERE class_id = @class AND author_id = @author AND client_id = @client
            LIMIT 1
            """);
        command.Parameters.AddWithValue("id", Guid.NewGuid());
        command.Parameters.AddWithValue("class", classId);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("client", draft.ClientId);
        command.Parameters.AddWithValue("subject", draft.Subject);
        command.Parameters.AddWithValue("title", draft.Title);
        command.Parameters.AddWithValue("date", draft.LessonDate);
        command.Parameters.AddWithValue("hash", (object?)draft.File?.Hash ?? DBNull.Value);
        command.Parameters.AddWithValue("name", (object?)draft.File?.FileName ?? DBNull.Value);
        command.Parameters.AddWithValue("type", (object?)draft.File?.ContentType ?? DBNull.Value);
        command.Parameters.AddWithValue("size", (object?)draft.File?.Size ?? DBNull.Value);
        command.Parameters.AddWithValue("url", (object?)draft.Url ?? DBNull.Value);
        command.Parameters.AddWithValue("author", authorId);
        command.Parameters.AddWithValue("authorName", authorName);
        return (await ReadAllAsync(command))[0];
    }

    /// <summary>The item with one more download counted; null when it is not in this class's library.</summary>
    public async Task<ClassMaterial?> CountDownloadAsync(Guid classId, Guid materialId)
    {
        await using var command = database.CreateCommand($"""
            UPDATE class_materials SET downloads = downloads + 1
            WHERE class_id = @class AND material_id = @id AND removed_at IS NULL
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("class", classId);
        command.Parameters.AddWithValue("id", materialId);
        var found = await ReadAllAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> RemoveAsync(Guid classId, Guid materialId, Guid by)
    {
        await using var command = database.CreateCommand("""
            UPDATE class_materials SET removed_at = now(), removed_by = @by
            WHERE class_id = @class AND material_id = @id AND removed_at IS NULL
            """);
        command.Parameters.AddWithValue("class", classId);
        command.Parameters.AddWithValue("id", materialId);
        command.Parameters.AddWithValue("by", by);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    private static async Task<List<ClassMaterial>> ReadAllAsync(NpgsqlCommand command)
    {
        var list = new List<ClassMaterial>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var file = r.IsDBNull(4) ? null : new ChatAttachment(r.GetString(4), r.GetString(5), r.GetString(6), r.GetInt64(7));
            list.Add(new ClassMaterial(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateOnly>(3), file,
                r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9), r.GetFieldValue<DateTimeOffset>(10), r.GetInt32(11)));
        }

        return list;
    }
}
