using Npgsql;

namespace Sferum.Backup;

/// <summary>
/// The libpq environment (PGHOST, PGPORT, …) that points pg_dump and pg_restore at the server an Npgsql connection
/// string names, a multi-host one included (libpq takes the same host list and finds the primary itself).
/// </summary>
public static class LibpqEnvironment
{
    public static IReadOnlyDictionary<string, string> From(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var hosts = (builder.Host ?? "localhost").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var names = new List<string>();
        var ports = new List<string>();
        foreach (var host in hosts)
        {
            // Npgsql writes a host's own port as host:port ([v6]:port for IPv6); the rest use Port.
            var colon = host.LastIndexOf(':');
            var hasPort = colon > 0 && host.IndexOf(']') < colon && int.TryParse(host[(colon + 1)..], out _);
            names.Add((hasPort ? host[..colon] : host).Trim('[', ']'));
            ports.Add(hasPort ? host[(colon + 1)..] : builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = string.Join(',', names),
            ["PGPORT"] = string.Join(',', ports),
            ["PGDATABASE"] = builder.Database ?? "postgres",
            ["PGUSER"] = builder.Username ?? Environment.UserName,
            ["PGCONNECT_TIMEOUT"] = "10",
            // A backup is read from, and a restore written to, the primary.
            ["PGTARGETSESSIONATTRS"] = "read-write",
        };
        if (!string.IsNullOrEmpty(builder.Password))
        {
            environment["PGPASSWORD"] = builder.Password;
        }

        if (builder.SslMode is not SslMode.Disable and not SslMode.Prefer and not SslMode.Allow)
        {
            environment["PGSSLMODE"] = builder.SslMode switch
            {
                SslMode.VerifyFull => "verify-full",
                SslMode.VerifyCA => "verify-ca",
                _ => "require",
            };
            if (!string.IsNullOrEmpty(builder.RootCertificate))
            {
                environment["PGSSLROOTCERT"] = builder.RootCertificate;
            }
        }

        return environment;
    }
}
