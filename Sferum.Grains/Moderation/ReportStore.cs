using Npgsql;

namespace Sferum.Moderation;

/// <summary>Table <c>message_reports</c>; the school's moderation grain is its only writer.</summary>
public sealed class ReportStore(NpgsqlDataSource database)
{
    private const string Columns =
        "report_id, chat_id, chat_title, seq, reason, comment, author_id, author_name, message_text, reporter_name, reported_at, resolution, resolved_at";

    /// <summary>Adds the report unless this person already reported this message; returns the report's id either way.</summary>
    public async Task<Guid> AddAsync(Guid schoolId, MessageReport report, Guid reporterId)
    {
        await using var command = database.CreateCommand("""
            WITH added AS (
                INSERT INTO message_reports (report_id, school_id, chat_id, chat_title, seq, reporter_id, reporter_name, reason, comment,
                                             author_id, author_name, message_text, reported_at)
                VALUES (@id, @school, @chat, @title, @seq, @reporter, @reporterName, @reason, @comment, @author, @authorName, @text, @at)
                ON CONFLICT (chat_id, seq, reporter_id) DO NOTHING
                RETURNING report_id)
            SELECT report_id FROM added
            UNION ALL SELECT report_id FROM message_reports WHERE chat_id = @chat AND seq = @seq AND reporter_id = @reporter
            LIMIT 1
            """);
        command.Parameters.AddWithValue("id", report.ReportId);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("chat", report.ChatId);
        command.Parameters.AddWithValue("title", report.ChatTitle);
        command.Parameters.AddWithValue("seq", report.Seq);
        command.Parameters.AddWithValue("reporter", reporterId);
        command.Parameters.AddWithValue("reporterName", report.ReporterName);
        command.Parameters.AddWithValue("reason", (short)report.Reason);
        command.Parameters.AddWithValue("comment", (object?)report.Comment ?? DBNull.Value);
        command.Parameters.AddWithValue("author", report.AuthorId);
        command.Parameters.AddWithValue("authorName", report.AuthorName);
        command.Parameters.AddWithValue("text", (object?)report.MessageText ?? DBNull.Value);
        command.Parameters.AddWithValue("at", report.ReportedAt);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    public async Task<MessageReport?> GetAsync(Guid schoolId, Guid reportId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM message_reports WHERE school_id = @school AND report_id = @id");
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("id", reportId);
        var found = await ReadAllAsync(command);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<List<MessageReport>> ListAsync(Guid schoolId, bool includeResolved, int limit)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM message_reports WHERE school_id = @school AND (@all OR resolved_at IS NULL)
            ORDER BY reported_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("all", includeResolved);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAllAsync(command);
    }

    /// <summary>Closes every open report of the message with what was done.</summary>
    public async Task ResolveAsync(Guid chatId, long seq, Guid by, string resolution, DateTimeOffset at)
    {
        await using var command = database.CreateCommand("""
            UPDATE message_reports SET resolved_at = @at, resolved_by = @by, resolution = @resolution
            WHERE chat_id = @chat AND seq = @seq AND resolved_at IS NULL
            """);
        command.Parameters.AddWithValue("chat", chatId);
        command.Parameters.AddWithValue("seq", seq);
        command.Parameters.AddWithValue("by", by);
        command.Parameters.AddWithValue("resolution", resolution);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<MessageReport>> ReadAllAsync(NpgsqlCommand command)
    {
        var reports = new List<MessageReport>();
        await using var r = await command.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            reports.Add(new MessageReport(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetInt64(3), (ReportReason)r.GetInt16(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetGuid(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9),
                r.GetFieldValue<DateTimeOffset>(10), r.IsDBNull(11) ? null : r.GetString(11),
                r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12)));
        }

        return reports;
    }
}
