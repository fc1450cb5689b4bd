namespace Sferum.Launcher;

/// <summary>The run command's options: <c>--connection-string</c>, ports, <c>--data-dir</c>, <c>--users-file</c>, <c>--verbose</c>.</summary>
internal sealed record LauncherArguments(
    string? ConnectionString, string? DataDirectory, string? UsersFile,
    int WebPort, int IdentityPort, int PostgresPort, int SiloPort, int GatewayPort, bool Verbose)
{
    public const string Usage = """
        Usage: ./run.sh [options]
          --connection-string "<npgsql>"   use this PostgreSQL instead of a private one (also: SFERUM_CONNECTION_STRING)
          --data-dir <folder>              where the private PostgreSQL and keys live (default: .sferum in the repository)
          --users-file <file.json>         DevIdentity users (default: Sferum.DevIdentity/users.json)
          --web-port 5000 --identity-port 5100 --postgres-port 55432 --silo-port 11111 --gateway-port 30000
          --verbose                        echo every line the services log
        """;

    public static LauncherArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var verbose = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--verbose")
            {
                verbose = true;
            }
            else if (name.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[name[2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{name}'.\n{Usage}");
            }
        }

        int Port(string key, int fallback) =>
            !values.TryGetValue(key, out var text) ? fallback
            : int.TryParse(text, out var port) && port is > 0 and < 65536 ? port
            : throw new ArgumentException($"--{key} must be a port number (1–65535), not '{text}'.");

        var known = new[] { "connection-string", "data-dir", "users-file", "web-port", "identity-port", "postgres-port", "silo-port", "gateway-port" };
        var unknown = values.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new ArgumentException($"Unknown option '--{unknown}'.\n{Usage}");
        }

        return new LauncherArguments(
            values.GetValueOrDefault("connection-string") ?? Environment.GetEnvironmentVariable("SFERUM_CONNECTION_STRING"),
            values.GetValueOrDefault("data-dir"),
            values.GetValueOrDefault("users-file"),
            Port("web-port", 5000), Port("identity-port", 5100), Port("postgres-port", 55432),
            Port("silo-port", 11111), Port("gateway-port", 30000), verbose);
    }
}
