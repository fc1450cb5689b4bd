using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sferum.Launcher;

/// <summary>Reads DevIdentity's users file to print the demo logins and pick the platform operator.</summary>
internal static class DemoUsers
{
    /// <summary>The login whose account is made a platform operator in the demo.</summary>
    public const string OperatorLogin = "admin";

    public static IReadOnlyList<DemoUser> Read(string path)
    {
        var file = JsonSerializer.Deserialize<UsersFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return file?.Users ?? [];
    }

    internal sealed record UsersFile([property: JsonPropertyName("users")] List<DemoUser> Users);

    internal sealed record DemoUser(string Subject, string Login, string Password, string LastName, string FirstName, string Trust);
}
