using Npgsql;
using Sferum.Common;

namespace Sferum.Identity;

/// <summary>
/// Table <c>user_identities</c> and "joining through the journal": after a sign-in, roster entries whose SNILS (or,
/// for entries without one, e-mail or phone) the provider vouched for are linked to the user.
/// </summary>
public sealed class UserIdentityStore(NpgsqlDataSource database)
{
    /// <summary>Records what the provider verified and links matching roster entries; returns the classes they are in.</summary>
    public async Task<List<Guid>> RecordAndLinkAsync(Guid userId, TrustLevel trust, string? snils, string? email, string? phone)
    {
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
        phone = PhoneNumber.TryNormalize(phone, out var normalizedPhone) ? normalizedPhone : null;

        // A simplified account has not proven who it is: it is recorded, but never matched to a roster entry. Staff
        // (who moderate class chats) are matched only with a confirmed account.
        const string sql = """
            INSERT INTO user_identities (user_id, trust, snils, email, phone, updated_at)
            VALUES (@user, @trust, @snils, @email, @phone, now())
            ON CONFLICT (user_id) DO UPDATE
            SET trust = excluded.trust, snils = excluded.snils, email = excluded.email, phone = excluded.phone, updated_at = now();

            WITH linked AS (
                UPDATE roster_people p SET user_id = @user, linked_at = now()
                WHERE p.removed_at IS NULL AND p.user_id IS NULL AND @trust >= 1 AND (p.role <> 2 OR @trust >= 2)
                  AND ((p.snils IS NOT NULL AND p.snils = @snils)
                       OR (p.snils IS NULL AND ((p.email IS NOT NULL AND p.email = @email) OR (p.phone IS NOT NULL AND p.phone = @phone))))
                RETURNING p.school_id, p.journal_id)
            SELECT DISTINCT r.class_id
            FROM linked l
            JOIN roster_class_roles r ON r.school_id = l.school_id AND r.journal_id = l.journal_id
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("trust", (short)trust);
        command.Parameters.Add(new NpgsqlParameter<string?>("snils", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = snils });
        command.Parameters.Add(new NpgsqlParameter<string?>("email", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = email });
        command.Parameters.Add(new NpgsqlParameter<string?>("phone", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = phone });
        await using var reader = await command.ExecuteReaderAsync();
        var classes = new List<Guid>();
        while (await reader.ReadAsync())
        {
            classes.Add(reader.GetGuid(0));
        }

        return classes;
    }

    /// <summary>The user whose last sign-in verified this SNILS (the most recent, should two accounts claim it).</summary>
    public async Task<Guid?> FindBySnilsAsync(string snils)
    {
        await using var command = database.CreateCommand(
            "SELECT user_id FROM user_identities WHERE snils = @snils AND trust >= 1 ORDER BY updated_at DESC LIMIT 1");
        command.Parameters.AddWithValue("snils", snils);
        return await command.ExecuteScalarAsync() is Guid id ? id : null;
    }

    /// <summary>The current classes of the user, in any role, through the journal or an invitation.</summary>
    public async Task<List<Guid>> ClassesOfAsync(Guid userId)
    {
        const string sql = """
            SELECT DISTINCT class_id FROM user_class_roles WHERE user_id = @user
            """;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("user", userId);
        await using var reader = await command.ExecuteReaderAsync();
        var classes = new List<Guid>();
        while (await reader.ReadAsync())
        {
            classes.Add(reader.GetGuid(0));
        }

        return classes;
    }
}
