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

    public static IReadOnlyList<DemoUser> Read(string path)
    {
        var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return file?.Users ?? [];
    }

    public sealed record UsersFile([property: JsonPropertyName("users")] List<DemoUser> Users);

    public sealed record DemoUser(string Subject, string Login, string Password, string LastName, string FirstName, string? MiddleName, string? Snils, string Trust);
}
