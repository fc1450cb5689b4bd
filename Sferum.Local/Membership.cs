using Npgsql;

namespace Sferum.Local;

/// <summary>Reads the Orleans membership table, to wait for silos and to check what the cluster believes.</summary>
public static class Membership
{
    /// <summary>Orleans' SiloStatus values as stored in the table.</summary>
    public const int Active = 3;
    public const int Dead = 6;

    public static async Task<int?> SiloStatusAsync(string connectionString, string clusterId, int siloPort, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT status FROM orleansmembershiptable WHERE deploymentid = @cluster AND port = @port ORDER BY generation DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        command.Parameters.AddWithValue("port", siloPort);
        return await command.ExecuteScalarAsync(cancellationToken) is int status ? status : null;
    }

    /// <summary>Polls until the silo is Active; fails at once, with its output, if <paramref name="watched"/> (its process) exits.</summary>
    public static async Task WaitForActiveSiloAsync(string connectionString, string clusterId, int siloPort, TimeSpan timeout,
        CancellationToken cancellationToken = default, ServiceProcess? watched = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (watched is { HasExited: true })
            {
                throw new InvalidOperationException($"{watched.Name} exited with code {watched.ExitCode} before it became active:\n{watched.RecentOutput}");
            }

            try
            {
                if (await SiloStatusAsync(connectionString, clusterId, siloPort, cancellationToken) == Active)
                {
                    return;
                }
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The first silo has not migrated the schema yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"No active silo on port {siloPort} of cluster {clusterId} after {timeout.TotalSeconds:0} s." +
                                   (watched is null ? "" : $"\n{watched.Name} output:\n{watched.RecentOutput}"));
    }
}
