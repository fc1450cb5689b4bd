using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sferum.Common;
using Sferum.DevIdentity.Hosting;

namespace Sferum.DevIdentity.Users;

/// <summary>The users file, read and checked once at start: a bad file stops the provider with the row at fault.</summary>
public sealed class UserDirectory
{
    private static readonly string[] TrustLevels = ["simplified", "standard", "confirmed"];
    private readonly Dictionary<string, DevUser> bySubject;
    private readonly Dictionary<string, DevUser> byLogin;

    private UserDirectory(string path, List<DevUser> users)
    {
        Path = path;
        Users = users;
        bySubject = users.ToDictionary(u => u.Subject, StringComparer.Ordinal);
        byLogin = users.ToDictionary(u => u.Login, StringComparer.OrdinalIgnoreCase);
    }

    public string Path { get; }

    public IReadOnlyList<DevUser> Users { get; }

    public static UserDirectory Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DevIdentityConfigurationException($"DevIdentity:UsersFile {path}: cannot be read ({ex.Message}).");
        }

        UsersFile? file;
        try
        {
            file = JsonSerializer.Deserialize<UsersFile>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException ex)
        {
            throw new DevIdentityConfigurationException($"DevIdentity:UsersFile {path}: not valid JSON at line {ex.LineNumber + 1}: {ex.Message}");
        }

        var users = file?.Users ?? [];
        if (users.Count == 0)
        {
            throw new DevIdentityConfigurationException($"DevIdentity:UsersFile {path}: no users (expected {{\"users\": [ … ]}}).");
        }

        var subjects = new HashSet<string>(StringComparer.Ordinal);
        var logins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < users.Count; i++)
        {
            var u = users[i];
            var where = $"DevIdentity:UsersFile {path}: user #{i + 1} (login \"{u.Login}\")";
            if (string.IsNullOrWhiteSpace(u.Subject) || string.IsNullOrWhiteSpace(u.Login) || string.IsNullOrEmpty(u.Password)
                || string.IsNullOrWhiteSpace(u.LastName) || string.IsNullOrWhiteSpace(u.FirstName))
            {
                throw new DevIdentityConfigurationException($"{where}: subject, login, password, lastName and firstName are required.");
            }

            if (!TrustLevels.Contains(u.Trust))
            {
                throw new DevIdentityConfigurationException($"{where}: trust \"{u.Trust}\" must be one of {string.Join(", ", TrustLevels)}.");
            }

            if (!string.IsNullOrWhiteSpace(u.Snils) && !Snils.IsValid(u.Snils))
            {
                throw new DevIdentityConfigurationException($"{where}: snils \"{u.Snils}\" is not a valid SNILS (check digits).");
            }

            if (u.Children?.FirstOrDefault(c => !Snils.IsValid(c)) is { } badChild)
            {
                throw new DevIdentityConfigurationException($"{where}: child snils \"{badChild}\" is not a valid SNILS (check digits).");
            }

            if (u.BirthDate is not null && !DateOnly.TryParseExact(u.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new DevIdentityConfigurationException($"{where}: birthDate \"{u.BirthDate}\" must be yyyy-MM-dd.");
            }

            if (!subjects.Add(u.Subject) || !logins.Add(u.Login))
            {
                throw new DevIdentityConfigurationException($"{where}: subject and login must be unique in the file.");
            }
        }

        return new UserDirectory(path, users);
    }

    public DevUser? FindBySubject(string? subject) => subject is not null && bySubject.TryGetValue(subject, out var u) ? u : null;

    /// <summary>The user when login and password match; the password is compared in constant time.</summary>
    public DevUser? CheckPassword(string? login, string? password)
    {
        if (login is null || password is null || !byLogin.TryGetValue(login.Trim(), out var user))
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.Password), Encoding.UTF8.GetBytes(password)) ? user : null;
    }

    private sealed record UsersFile(List<DevUser>? Users);
}
