using Sferum.Sessions;

namespace Sferum.Web.Sessions;

/// <summary>
/// Polls the ended sessions every 2 seconds and closes their live connections on this node: a session ended on another
/// device, or an account disabled by an admin, loses its open chats within 5 seconds.
/// </summary>
public sealed class SessionGuard(IClusterClient cluster, SessionConnections connections, ILogger<SessionGuard> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? cursor = null;
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var endings = await cluster.GetGrain<ISessionFeedGrain>(0).EndedSinceAsync(cursor);
                cursor = endings.Cursor;
                if (endings.SessionIds.Count > 0 && connections.Close(endings.SessionIds) is var closed and > 0)
                {
                    logger.LogInformation("Closed {Count} live connections of ended sessions", closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The cluster or the database is unreachable: requests are refused meanwhile; try at the next tick.
                logger.LogDebug(ex, "Reading ended sessions failed");
            }
        }
    }
}
