using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sferum.Local;

/// <summary>Reads DevIdentity's users file to print the demo logins and pick the platform operator.</summary>
public static class DemoUsers
{
    /// <summary>The login whose account is made a platform operator in the demo.</summary>
    public const string OperatorLogin = "admin";

    /// <summary>The demo users shipped with Sferum.DevIdentity.</summary>
    public static IReadOnlyList<DemoUser> ReadShipped(SolutionLayout layout) =>
        Read(Path.Combine(layout.ProjectDirectory("Sferum.DevIdentity"), "users.json"));

    /// <summary>
    /// Writes the shipped users plus "pupil2" / "pupil2", whose SNILS is that of the demo roster's first invented 5А
    /// pupil (DEMO-S1), so that she joins 5А through the journal: for tests and benches that need two pupils.
    /// </summary>
    public static IReadOnlyList<DemoUser> WriteWithSecondPupil(SolutionLayout layout, string path)
    {
        var users = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(layout.ProjectDirectory("Sferum.DevIdentity"), "users.json")))!;
        users["users"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["subject"] = "esia-1000099", ["login"] = "pupil2", ["password"] = "pupil2",
            ["lastName"] = "Второва", ["firstName"] = "Анна", ["middleName"] = "Ивановна",
            ["snils"] = Sferum.Common.Snils.FromNumber(100_000_100), ["trust"] = "standard", ["birthDate"] = "2015-01-01",
        });
        File.WriteAllText(path, users.ToJsonString());
        return Read(path);
    }

    public static IReadOnlyList<DemoUser> Read(string path)
    {
        var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return file?.Users ?? [];
    }

    public sealed record UsersFile([property: JsonPropertyName("users")] List<DemoUser> Users);

    public sealed record DemoUser(string Subject, string Login, string Password, string LastName, string FirstName, string? MiddleName, string? Snils, string Trust);
}
