using System.Text;
using Npgsql;
using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Schools;

namespace Sferum.Bench.Chat;

/// <summary>One simulated person: a Sferum user in one class chat.</summary>
public sealed record BenchUser(Guid UserId, string Name, Guid ChatId);

/// <summary>
/// A school made for the load: ROOMS classes of MEMBERS students each, plus one class of CHANNEL
/// for the channel case. Users sign in first (through the identity index grain, as the portal
/// does after OIDC), then the roster is imported through the journal path, which links them all in one transaction.
/// </summary>
public static class BenchSchool
{
    private const string ChannelClass = "11ЯЯЯ";

    public static async Task<(List<List<BenchUser>> Classes, List<BenchUser> Channel)> CreateAsync(IClusterClient cluster, string connectionString, BenchOptions o)
    {
        var schoolId = Guid.NewGuid();
        await cluster.GetGrain<ISchoolDirectoryGrain>(0).EnsureSeededSchoolAsync(schoolId, new SchoolDraft("Нагрузочная школа", "г. Москва", "Europe/Moscow"));
        await cluster.GetGrain<ISchoolGrain>(schoolId).SeedAccessAsync("", new PersonName("-", "-", null), "bench");

        var people = new List<(string Class, string Snils, string Last, string First)>();
        var number = 200_000_000;
        for (var c = 0; c < o.Rooms + (o.Channel > 0 ? 1 : 0); c++)
        {
            var className = c == o.Rooms ? ChannelClass : ClassName(c);
            var size = c == o.Rooms ? o.Channel : o.Members;
            for (var m = 0; m < size; m++)
            {
                people.Add((className, Snils(number++), $"Ученик{c}", $"Номер{m}"));
            }
        }

        var userIds = new Guid[people.Count];
        await Parallel.ForAsync(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var p = people[i];
            var identity = new ExternalIdentity("esia", $"bench-{p.Snils}", new PersonName(p.Last, p.First, null), p.Snils, null, false, null, false, TrustLevel.Standard);
            userIds[i] = (await cluster.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", identity.Subject)).SignInAsync(identity)).UserId;
        });

        var csv = new StringBuilder("Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\n");
        for (var i = 0; i < people.Count; i++)
        {
            csv.Append($"{people[i].Last};{people[i].First};{people[i].Class};{people[i].Snils};B{i}\r\n");
        }

        var imports = cluster.GetGrain<IRosterImportGrain>(schoolId);
        var preview = await imports.PreviewAsync(ImportRequester.Journal("bench"), [new ImportFile("students.csv", Encoding.UTF8.GetBytes(csv.ToString()))]);
        if (preview.Status != ImportStatus.Previewed)
        {
            throw new InvalidOperationException($"Bench roster not accepted: {preview.Status} {preview.Problems.FirstOrDefault()?.Message}");
        }

        await imports.ApplyAsync(ImportRequester.Journal("bench"), preview.ImportId);

        var chatOf = new Dictionary<string, Guid>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT name, class_chat_id FROM roster_classes WHERE school_id = @s", connection);
            command.Parameters.AddWithValue("s", schoolId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                chatOf[reader.GetString(0)] = reader.GetGuid(1);
            }
        }

        var users = people.Select((p, i) => new BenchUser(userIds[i], $"{p.First} {p.Last}", chatOf[p.Class])).ToList();
        var channel = chatOf.GetValueOrDefault(ChannelClass);
        var classes = users.Where(u => u.ChatId != channel).GroupBy(u => u.ChatId).Select(g => g.ToList()).ToList();
        return (classes, users.Where(u => u.ChatId == channel).ToList());
    }

    // "1А" … "11Я", then two-letter names: enough distinct classes for any run.
    private static string ClassName(int i)
    {
        const string letters = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";
        var grade = i % 11 + 1;
        var n = i / 11;
        return n < letters.Length ? $"{grade}{letters[n]}" : $"{grade}{letters[n / letters.Length % letters.Length]}{letters[n % letters.Length]}";
    }

    private static string Snils(int n) => Sferum.Common.Snils.FromNumber(n);
}
