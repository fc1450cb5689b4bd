using Npgsql;
using NpgsqlTypes;
using Sferum.Classes;
using Sferum.Identity;

namespace Sferum.Invitations;

/// <summary>
/// Tables <c>invitations</c>, <c>invitation_uses</c> and <c>class_invitees</c>. Joining writes the use, the count and the
/// membership in one transaction, so that a link's limit holds and nobody is half-joined.
/// </summary>
public sealed class InvitationStore(NpgsqlDataSource database)
{
    private const string Columns = """
        invitation_id, secret_hash, school_id, target, class_id, chat_id, target_title, role, child_journal_id,
        child_user_id, child_name, created_by, created_at, expires_at, max_uses, uses, requires_approval, revoked_at
        """;

    public async Task<InvitationRecord?> LoadAsync(Guid invitationId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM invitations WHERE invitation_id = @id");
        command.Parameters.AddWithValue("id", invitationId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>The ids of the invitations into a class's chats, or into one chat, newest first.</summary>
    public async Task<List<Guid>> ListAsync(Guid? classId, Guid? chatId)
    {
        await using var command = database.CreateCommand(classId is not null
            ? "SELECT invitation_id FROM invitations WHERE class_id = @class ORDER BY created_at DESC LIMIT 200"
            : "SELECT invitation_id FROM invitations WHERE chat_id = @chat ORDER BY created_at DESC LIMIT 200");
        command.Parameters.AddWithValue("class", (object?)classId ?? DBNull.Value);
        command.Parameters.AddWithValue("chat", (object?)chatId ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public async Task InsertAsync(InvitationRecord r)
    {
        await using var command = database.CreateCommand($"""
            INSERT INTO invitations ({Columns})
            VALUES (@id, @hash, @school, @target, @class, @chat, @title, @role, @childJournal, @childUser, @childName,
                    @by, @at, @expires, @max, 0, @approval, NULL)
            """);
        var p = command.Parameters;
        p.AddWithValue("id", r.InvitationId);
        p.AddWithValue("hash", r.SecretHash);
        p.AddWithValue("school", r.SchoolId);
        p.AddWithValue("target", (short)r.Target);
        p.Add(new NpgsqlParameter<Guid?>("class", NpgsqlDbType.Uuid) { TypedValue = r.ClassId });
        p.AddWithValue("chat", r.ChatId);
        p.AddWithValue("title", r.TargetTitle);
        p.AddWithValue("role", (short)r.Role);
        p.Add(new NpgsqlParameter<string?>("childJournal", NpgsqlDbType.Text) { TypedValue = r.ChildJournalId });
        p.Add(new NpgsqlParameter<Guid?>("childUser", NpgsqlDbType.Uuid) { TypedValue = r.ChildUserId });
        p.Add(new NpgsqlParameter<string?>("childName", NpgsqlDbType.Text) { TypedValue = r.ChildName });
        p.AddWithValue("by", r.CreatedBy);
        p.AddWithValue("at", r.CreatedAt);
        p.AddWithValue("expires", r.ExpiresAt);
        p.AddWithValue("max", r.MaxUses);
        p.AddWithValue("approval", r.RequiresApproval);
        await command.ExecuteNonQueryAsync();
    }

    public async Task RevokeAsync(Guid invitationId, Guid by, DateTimeOffset at)
    {
        await using var command = database.CreateCommand(
            "UPDATE invitations SET revoked_at = @at, revoked_by = @by WHERE invitation_id = @id AND revoked_at IS NULL");
        command.Parameters.AddWithValue("id", invitationId);
        command.Parameters.AddWithValue("by", by);
        command.Parameters.AddWithValue("at", at);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<List<InvitationUse>> UsesAsync(Guid invitationId)
    {
        await using var command = database.CreateCommand("""
            SELECT user_id, display_name, status, requested_at, decided_at FROM invitation_uses
            WHERE invitation_id = @id ORDER BY requested_at
            """);
        command.Parameters.AddWithValue("id", invitationId);
        await using var reader = await command.ExecuteReaderAsync();
        var uses = new List<InvitationUse>();
        while (await reader.ReadAsync())
        {
            uses.Add(new InvitationUse(reader.GetGuid(0), reader.GetString(1), (InvitationUseStatus)reader.GetInt16(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
        }

        return uses;
    }

    /// <summary>
    /// Records a use (pending, or joined with the membership it gives) and counts it against the limit, all or nothing.
    /// False when the limit was reached in the meantime.
    /// </summary>
    public async Task<bool> AddUseAsync(InvitationRecord r, Guid userId, PersonName name, bool join)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var count = new NpgsqlCommand(
            "UPDATE invitations SET uses = uses + 1 WHERE invitation_id = @id AND uses < max_uses AND revoked_at IS NULL", connection, transaction))
        {
            count.Parameters.AddWithValue("id", r.InvitationId);
            if (await count.ExecuteNonQueryAsync() == 0)
            {
                return false;
            }
        }

        await using (var use = new NpgsqlCommand("""
            INSERT INTO invitation_uses (invitation_id, user_id, display_name, status, decided_at)
            VALUES (@id, @user, @name, @status, CASE WHEN @status = 1 THEN now() END)
            """, connection, transaction))
        {
            use.Parameters.AddWithValue("id", r.InvitationId);
            use.Parameters.AddWithValue("user", userId);
            use.Parameters.AddWithValue("name", name.FullName);
            use.Parameters.AddWithValue("status", (short)(join ? InvitationUseStatus.Joined : InvitationUseStatus.Pending));
            await use.ExecuteNonQueryAsync();
        }

        if (join)
        {
            await AddMemberAsync(connection, transaction, r, userId, name);
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Approves (joins) or declines a pending use.</summary>
    public async Task<bool> DecideAsync(InvitationRecord r, Guid userId, PersonName name, bool approve, Guid decidedBy)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await SetStatusAsync(connection, transaction, r.InvitationId, userId, InvitationUseStatus.Pending,
                approve ? InvitationUseStatus.Joined : InvitationUseStatus.Declined, decidedBy))
        {
            return false;
        }

        if (approve)
        {
            await AddMemberAsync(connection, transaction, r, userId, name);
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>Takes back what a joined use gave; false when the person had not joined (or was removed already).</summary>
    public async Task<bool> RemoveAsync(InvitationRecord r, Guid userId, Guid removedBy)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await SetStatusAsync(connection, transaction, r.InvitationId, userId, InvitationUseStatus.Joined, InvitationUseStatus.Removed, removedBy))
        {
            return false;
        }

        var sql = r.IsClassTarget
            ? "UPDATE class_invitees SET removed_at = now(), removed_by = @by WHERE invitation_id = @id AND user_id = @user AND removed_at IS NULL"
            : "DELETE FROM chat_members WHERE chat_id = @chat AND user_id = @user AND invitation_id = @id";
        await using (var remove = new NpgsqlCommand(sql, connection, transaction))
        {
            remove.Parameters.AddWithValue("id", r.InvitationId);
            remove.Parameters.AddWithValue("user", userId);
            remove.Parameters.AddWithValue("by", removedBy);
            remove.Parameters.AddWithValue("chat", r.ChatId);
            await remove.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return true;
    }

    private static async Task<bool> SetStatusAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid invitationId, Guid userId,
        InvitationUseStatus from, InvitationUseStatus to, Guid by)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE invitation_uses SET status = @to, decided_at = now(), decided_by = @by
            WHERE invitation_id = @id AND user_id = @user AND status = @from
            """, connection, transaction);
        command.Parameters.AddWithValue("id", invitationId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("from", (short)from);
        command.Parameters.AddWithValue("to", (short)to);
        command.Parameters.AddWithValue("by", by);
        return await command.ExecuteNonQueryAsync() > 0;
    }

    private static async Task AddMemberAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InvitationRecord r, Guid userId, PersonName name)
    {
        var sql = r.IsClassTarget
            ? """
              INSERT INTO class_invitees (class_id, school_id, user_id, role, child_journal_id, child_user_id, last_name, first_name, middle_name, invitation_id)
              VALUES (@class, @school, @user, @role, @childJournal, @childUser, @last, @first, @middle, @id)
              ON CONFLICT DO NOTHING
              """
            : """
              INSERT INTO chat_members (chat_id, user_id, moderator, invitation_id) VALUES (@chat, @user, false, @id)
              ON CONFLICT (chat_id, user_id) DO NOTHING
              """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<Guid?>("class", NpgsqlDbType.Uuid) { TypedValue = r.ClassId });
        p.AddWithValue("school", r.SchoolId);
        p.AddWithValue("user", userId);
        p.AddWithValue("role", (short)(r.Role == InvitationRole.Teacher ? ClassRole.Teacher : (ClassRole)(int)r.Role));
        p.Add(new NpgsqlParameter<string?>("childJournal", NpgsqlDbType.Text) { TypedValue = r.ChildJournalId });
        p.Add(new NpgsqlParameter<Guid?>("childUser", NpgsqlDbType.Uuid) { TypedValue = r.ChildUserId });
        p.AddWithValue("last", name.LastName);
        p.AddWithValue("first", name.FirstName);
        p.Add(new NpgsqlParameter<string?>("middle", NpgsqlDbType.Text) { TypedValue = name.MiddleName });
        p.AddWithValue("id", r.InvitationId);
        p.AddWithValue("chat", r.ChatId);
        await command.ExecuteNonQueryAsync();
    }

    private static InvitationRecord Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetFieldValue<byte[]>(1), r.GetGuid(2), (InvitationTarget)r.GetInt16(3),
        r.IsDBNull(4) ? null : r.GetGuid(4), r.GetGuid(5), r.GetString(6), (InvitationRole)r.GetInt16(7),
        r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetGuid(9), r.IsDBNull(10) ? null : r.GetString(10),
        r.GetGuid(11), r.GetFieldValue<DateTimeOffset>(12), r.GetFieldValue<DateTimeOffset>(13), r.GetInt32(14), r.GetInt32(15),
        r.GetBoolean(16), r.IsDBNull(17) ? null : r.GetFieldValue<DateTimeOffset>(17));
}
