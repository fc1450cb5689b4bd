using Microsoft.Extensions.Options;
using Npgsql;
using Sferum.Common;
using Sferum.Platform;

namespace Sferum.Incidents;

/// <summary>
/// Who is told about an incident's deadlines: the school's appointed admins with a verified account, the platform's
/// operators named by SNILS with a confirmed account (an operator named by the provider's subject sees incidents on
/// the operators' page but is not found here), and whoever registered it.
/// </summary>
public sealed class ResponsiblePeople(NpgsqlDataSource database, IOptions<PlatformOptions> platform)
{
    public async Task<IReadOnlyCollection<Guid>> ForAsync(Guid schoolId, Guid? registeredBy)
    {
        var operatorSnils = platform.Value.Operators.Select(o => Snils.TryNormalize(o, out var s) ? s : null).OfType<string>().ToArray();
        await using var command = database.CreateCommand("""
            SELECT u.user_id FROM school_admins a JOIN user_identities u ON u.snils = a.snils AND u.trust >= 1 WHERE a.school_id = @school
            UNION SELECT user_id FROM user_identities WHERE snils = ANY(@operators) AND trust = 2
            """);
        command.Parameters.AddWithValue("school", schoolId);
        command.Parameters.AddWithValue("operators", operatorSnils);
        await using var r = await command.ExecuteReaderAsync();
        var people = new HashSet<Guid>();
        while (await r.ReadAsync())
        {
            people.Add(r.GetGuid(0));
        }

        if (registeredBy is { } by)
        {
            people.Add(by);
        }

        return people;
    }
}
