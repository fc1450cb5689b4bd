using System.Text;
using Npgsql;
using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Schools;

namespace Sferum.Bench;

/// <summary>One simulated person: a Sferum user in one class chat.</summary>
public sealed record BenchUser(Guid UserId, string Name, Guid ChatId);

/// <summary>
/// A school made for the load: <c>rooms</c> classes of <c>members</c> students each, plus one class of <c>channel</c>
/// for the channel case. Users sign in first (through the identity index grain, as the portal does after OIDC), then
/// the roster is imported through the journal path, which links them all in one transaction. A student can later be
/// moved to another class the same way a journal reports it: the whole roster imported again.
/// </summary>
public sealed class BenchSchool
{
    private const string ChannelClass = "11ЯЯЯ";
    private readonly IClusterClient cluster;
    private readonly string connectionString;
    private readonly List<Person> people;
    private readonly Dictionary<string, Guid> chatOf;

    private BenchSchool(IClusterClient cluster, string connectionString, Guid schoolId, List<Person> people, Dictionary<string, Guid> chatOf)
    {
        this.cluster = cluster;
        this.connectionString = connectionString;
        SchoolId = schoolId;
        this.people = people;
        this.chatOf = chatOf;
    }

    public Guid SchoolId { get; }

    /// <summary>Everyone in the classes (not the channel), one list per class chat, in the order they were made.</summary>
    public List<List<BenchUser>> Classes => Users.Where(u => u.ChatId != Channel).GroupBy(u => u.ChatId).Select(g => g.ToList()).ToList();

    /// <summary>The members of the channel class (empty without one).</summary>
    public List<BenchUser> ChannelMembers => Users.Where(u => u.ChatId == Channel).ToList();

    private Guid Channel => chatOf.GetValueOrDefault(ChannelClass);

    private IEnumerable<BenchUser> Users => people.Select(p => new BenchUser(p.UserId, $"{p.First} {p.Last}", chatOf[p.Class]));

    public static async Task<BenchSchool> CreateAsync(IClusterClient cluster, string connectionString, int rooms, int members, int channel)
    {
        var schoolId = Guid.NewGuid();
        await cluster.GetGrain<ISchoolDirectoryGrain>(0).EnsureSeededSchoolAsync(schoolId, new SchoolDraft("Нагрузочная школа", "г. Москва", "Europe/Moscow"));
        await cluster.GetGrain<ISchoolGrain>(schoolId).SeedAccessAsync("", new PersonName("-", "-", null), "bench");

        var people = new List<Person>();
        var number = 200_000_000;
        for (var c = 0; c < rooms + (channel > 0 ? 1 : 0); c++)
        {
            var className = c == rooms ? ChannelClass : ClassName(c);
            var size = c == rooms ? channel : members;
            for (var m = 0; m < size; m++)
            {
                people.Add(new Person(className, Snils(number++), $"Ученик{c}", $"Номер{m}"));
            }
        }

        await Parallel.ForAsync(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var p = people[i];
            var identity = new ExternalIdentity("esia", $"bench-{p.Snils}", new PersonName(p.Last, p.First, null), p.Snils, null, false, null, false, TrustLevel.Standard);
            p.UserId = (await cluster.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", identity.Subject)).SignInAsync(identity)).UserId;
        });

        var school = new BenchSchool(cluster, connectionString, schoolId, people, []);
        await school.ImportAsync();
        return school;
    }

    /// <summary>
    /// The journal moves a student to the class of <paramref name="toChatId"/>: the school's roster is imported again
    /// with that one change. Returns the chat the student left. Throws when the import is refused or fails.
    /// </summary>
    public async Task<Guid> MoveAsync(Guid userId, Guid toChatId)
    {
        var person = people.Single(p => p.UserId == userId);
        var from = chatOf[person.Class];
        var previous = person.Class;
        person.Class = chatOf.Single(c => c.Value == toChatId).Key;
        try
        {
            await ImportAsync();
        }
        catch
        {
            person.Class = previous;
            throw;
        }

        return from;
    }

    private async Task ImportAsync()
    {
        var csv = new StringBuilder("Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\n");
        for (var i = 0; i < people.Count; i++)
        {
            csv.Append($"{people[i].Last};{people[i].First};{people[i].Class};{people[i].Snils};B{i}\r\n");
        }

        var imports = cluster.GetGrain<IRosterImportGrain>(SchoolId);
        var preview = await imports.PreviewAsync(ImportRequester.Journal("bench"), [new ImportFile("students.csv", Encoding.UTF8.GetBytes(csv.ToString()))]);
        if (preview.Status == ImportStatus.Previewed)
        {
            await imports.ApplyAsync(ImportRequester.Journal("bench"), preview.ImportId);
        }
        else if (preview.Status != ImportStatus.Unchanged)
        {
            // Unchanged: an earlier push that seemed to fail had been applied, as a journal's retry would find.
            throw new InvalidOperationException($"Bench roster not accepted: {preview.Status} {preview.Problems.FirstOrDefault()?.Message}");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT name, class_chat_id FROM roster_classes WHERE school_id = @s", connection);
        command.Parameters.AddWithValue("s", SchoolId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            chatOf[reader.GetString(0)] = reader.GetGuid(1);
        }
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

    private sealed class Person(string @class, string snils, string last, string first)
    {
        public string Class { get; set; } = @class;

        public string Snils { get; } = snils;

        public string Last { get; } = last;

        public string First { get; } = first;

        public Guid UserId { get; set; }
    }
}
