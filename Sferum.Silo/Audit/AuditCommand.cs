using Sferum.Audit;
using Sferum.Database;

namespace Sferum.Silo.Audit;

/// <summary>
/// <c>Sferum.Silo audit verify [--connection-string "&lt;npgsql&gt;"]</c>: checks the audit log's hash chain without
/// starting a silo. The silo's binary carries it because every deployment has the silo and its connection string
/// (also taken from ConnectionStrings__Sferum, as for the silo). Exit 0 when intact, 1 at the first broken link,
/// 2 when PostgreSQL is unreachable, 64 for wrong arguments.
/// </summary>
public static class AuditCommand
{
    private const string Usage = """
        Usage: Sferum.Silo audit verify [--connection-string "<npgsql>"]
        The connection string may also be given as ConnectionStrings__Sferum.
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == "audit";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Sferum");
        if (args is ["audit", "verify", "--connection-string", var given])
        {
            connectionString = given;
        }
        else if (args is not ["audit", "verify"])
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync(Usage);
            return 64;
        }

        try
        {
            await using var connection = await DatabaseConnections.OpenAsync(connectionString);
            var report = await AuditChainVerifier.VerifyAsync(connection);
            await (report.Intact ? output : error).WriteLineAsync(report.ToString());
            return report.Intact ? 0 : 1;
        }
        catch (DatabaseUnreachableException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}
