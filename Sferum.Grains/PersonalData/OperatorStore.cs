using Npgsql;

namespace Sferum.PersonalData;

/// <summary>
/// Table <c>personal_data_operators</c>: each school's details as operator of personal data, the one store consents,
/// answers to requests and acts of destruction read.
/// </summary>
public sealed class OperatorStore(NpgsqlDataSource database)
{
    private const string Columns = "legal_name, address, responsible_name, responsible_position, processors, retention";

    public async Task<OperatorDetails?> GetAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM personal_data_operators WHERE school_id = @school");
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new OperatorDetails(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))
            : null;
    }

    /// <summary>Sets the details; with <paramref name="onlyIfMissing"/>, leaves details someone already set alone.</summary>
    public async Task SetAsync(Guid schoolId, OperatorDetails details, Guid? by, bool onlyIfMissing = false)
    {
        var update = onlyIfMissing
            ? "NOTHING"
            : "UPDATE SET legal_name = excluded.legal_name, address = excluded.address, responsible_name = excluded.responsible_name, "
              + "responsible_position = excluded.responsible_position, processors = excluded.processors, retention = excluded.retention, "
              + "updated_at = now(), updated_by = excluded.updated_by";
        await using var command = database.CreateCommand($"""
            INSERT INTO personal_data_operators (school_id, {Columns}, updated_by)
            VALUES (@school, @name, @address, @responsible, @position, @processors, @retention, @by)
            ON CONFLICT (school_id) DO {update}
            """);
        Bind(command, schoolId, details);
        command.Parameters.AddWithValue("by", (object?)by ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Moves details an older version kept elsewhere into this store: each field fills only an empty one, so nothing
    /// an admin has set here is overwritten.
    /// </summary>
    public async Task FillMissingAsync(Guid schoolId, OperatorDetails details)
    {
        static string Keep(string column) => $"{column} = CASE WHEN o.{column} = '' THEN excluded.{column} ELSE o.{column} END";
        await using var command = database.CreateCommand($"""
            INSERT INTO personal_data_operators AS o (school_id, {Columns})
            VALUES (@school, @name, @address, @responsible, @position, @processors, @retention)
            ON CONFLICT (school_id) DO UPDATE SET {string.Join(", ", Columns.Split(", ").Select(Keep))}
            """);
        Bind(command, schoolId, details);
        await command.ExecuteNonQueryAsync();
    }

    private static void Bind(NpgsqlCommand command, Guid schoolId, OperatorDetails d)
    {
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("name", d.LegalName);
        command.Parameters.AddWithValue("address", d.Address);
        command.Parameters.AddWithValue("responsible", d.ResponsibleName);
        command.Parameters.AddWithValue("position", d.ResponsiblePosition);
        command.Parameters.AddWithValue("processors", d.Processors);
        command.Parameters.AddWithValue("retention", d.Retention);
    }
}
