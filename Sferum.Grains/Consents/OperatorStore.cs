using Npgsql;

namespace Sferum.Consents;

/// <summary>Table <c>personal_data_operators</c>: each school's legal name and address as operator of personal data.</summary>
public sealed class OperatorStore(NpgsqlDataSource database)
{
    public async Task<OperatorDetails?> GetAsync(Guid schoolId)
    {
        await using var command = database.CreateCommand("SELECT legal_name, address FROM personal_data_operators WHERE school_id = @school");
        command.Parameters.AddWithValue("school", schoolId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new OperatorDetails(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Sets the details; with <paramref name="onlyIfMissing"/>, leaves details someone already set alone.</summary>
    public async Task SetAsync(Guid schoolId, OperatorDetails details, Guid? by, bool onlyIfMissing = false)
    {
        await using var command = database.CreateCommand($"""
            INSERT INTO personal_data_operators (school_id, legal_name, address, updated_by) VALUES (@school, @name, @address, @by)
            ON CONFLICT (school_id) DO {(onlyIfMissing ? "NOTHING" : "UPDATE SET legal_name = excluded.legal_name, address = excluded.address, updated_at = now(), updated_by = excluded.updated_by")}
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("name", details.LegalName);
        command.Parameters.AddWithValue("address", details.Address);
        command.Parameters.AddWithValue("by", (object?)by ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }
}
