using Npgsql;

namespace Sferum.Platform;

/// <summary>
/// After PostgreSQL restarts, every idle connection in a pool is dead, and Npgsql finds that out one call at a time:
/// each would fail one more person's request. The first failure that shows a lost server drops the pools — the
/// grains' data source and the ones Orleans' storage, reminders and membership open by connection string — so the
/// calls after it open fresh connections.
/// </summary>
public static class DeadConnections
{
    public static void ForgetIfServerLost(NpgsqlDataSource database, Exception? error)
    {
        for (var ex = error; ex is not null; ex = ex.InnerException)
        {
            // A server that shut down or crashed, or a connection that broke; not a timeout under load (clearing every
            // pool then would only add reconnections to the load).
            if (ex is PostgresException { SqlState: "57P01" or "57P02" or "57P03" } or IOException or System.Net.Sockets.SocketException)
            {
                database.Clear();
                NpgsqlConnection.ClearAllPools();
                return;
            }
        }
    }
}
