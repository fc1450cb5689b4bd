using System.Collections.Concurrent;
using Npgsql;

namespace Sferum.Consents;

/// <summary>
/// Reads the published consent texts. A version never changes (the table refuses it), so versions are cached for the
/// process's life; which version is the newest is asked each time, because a migration on another silo may add one.
/// </summary>
public sealed class ConsentTexts(NpgsqlDataSource database)
{
    private const string Columns = "purpose, version, title, categories, body, sha256";

    private readonly ConcurrentDictionary<(string, int), ConsentText> versions = new();

    public async Task<ConsentText?> LatestAsync(string purpose)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM consent_texts WHERE purpose = @purpose ORDER BY version DESC LIMIT 1");
        command.Parameters.AddWithValue("purpose", purpose);
        var text = (await ReadAsync(command)).FirstOrDefault();
        return text is null ? null : versions.GetOrAdd((text.Purpose, text.Version), text);
    }

    public async Task<ConsentText> GetAsync(string purpose, int version)
    {
        if (versions.TryGetValue((purpose, version), out var cached))
        {
            return cached;
        }

        await using var command = database.CreateCommand($"SELECT {Columns} FROM consent_texts WHERE purpose = @purpose AND version = @version");
        command.Parameters.AddWithValue("purpose", purpose);
        command.Parameters.AddWithValue("version", version);
        var text = (await ReadAsync(command)).FirstOrDefault()
            ?? throw new InvalidOperationException($"Consent text {purpose} v{version} is not in consent_texts.");
        return versions.GetOrAdd((purpose, version), text);
    }

    private static async Task<List<ConsentText>> ReadAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<ConsentText>();
        while (await reader.ReadAsync())
        {
            texts.Add(new ConsentText(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.GetString(4), reader.GetFieldValue<byte[]>(5)));
        }

        return texts;
    }
}
