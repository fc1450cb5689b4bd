using Npgsql;
using Sferum.Consents;

namespace Sferum.PersonalData;

/// <summary>
/// The destructions a consent's withdrawal scheduled (<c>personal_data_destructions</c>, written by the consents
/// grain): the consented values of the listed categories go and the row is marked done, in one transaction. The
/// consent document itself stays: it is the operator's proof that the consent was given and withdrawn.
/// </summary>
public sealed class ConsentDestructions(NpgsqlDataSource database)
{
    public sealed record Due(Guid DestructionId, Guid SchoolId, Guid? SubjectUserId, string SubjectName, IReadOnlyList<string> Categories, Guid ConsentId);

    /// <summary>Those due before <paramref name="before"/> (the job's next run): a deadline is met a run early, never late.</summary>
    public async Task<IReadOnlyList<Due>> DueAsync(DateTimeOffset before, int limit)
    {
        await using var command = database.CreateCommand("""
            SELECT d.destruction_id, d.school_id, d.subject_user_id, c.subject_name, d.categories, d.consent_id
            FROM personal_data_destructions d JOIN consents c ON c.consent_id = d.consent_id
            WHERE d.destroyed_at IS NULL AND d.destroy_by < @before
            ORDER BY d.destroy_by LIMIT @limit
            """);
        command.Parameters.AddWithValue("before", before);
        command.Parameters.AddWithValue("limit", limit);
        var due = new List<Due>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due.Add(new Due(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3),
                reader.GetFieldValue<string[]>(4), reader.GetGuid(5)));
        }

        return due;
    }

    /// <summary>Destroys the values and marks the row; false when another run did it first.</summary>
    public async Task<bool> DestroyAsync(Due due)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var mark = new NpgsqlCommand(
            "UPDATE personal_data_destructions SET destroyed_at = now() WHERE destruction_id = @id AND destroyed_at IS NULL", connection, transaction);
        mark.Parameters.AddWithValue("id", due.DestructionId);
        if (await mark.ExecuteNonQueryAsync() == 0)
        {
            return false;
        }

        await using var delete = new NpgsqlCommand("DELETE FROM consent_data WHERE consent_id = @consent AND category = ANY(@categories)", connection, transaction);
        delete.Parameters.AddWithValue("consent", due.ConsentId);
        delete.Parameters.AddWithValue("categories", due.Categories.ToArray());
        await delete.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return true;
    }

    public static IReadOnlyList<string> Labels(IEnumerable<string> codes) => codes.Select(c => PersonalDataCategories.Get(c).Label).ToList();
}
