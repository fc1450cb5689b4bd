using Microsoft.Extensions.Logging;
using Npgsql;
using Sferum.Common;

namespace Sferum.Platform;

/// <summary>
/// A grain call that fails on the database (unreachable, overloaded) answers with a clear, serializable refusal instead
/// of an exception the caller cannot even decode; the original goes to the log. Nothing was acknowledged.
/// </summary>
public sealed class DatabaseErrorFilter(NpgsqlDataSource database, ILogger<DatabaseErrorFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (FromDatabase(ex))
        {
            logger.LogError(ex, "Database error in {Grain}.{Method}", context.TargetId, context.MethodName);
            DeadConnections.ForgetIfServerLost(database, ex);
            throw new DomainException("database.unavailable", "Сервер базы данных сейчас недоступен. Ничего не сохранено — попробуйте ещё раз через минуту.");
        }
    }

    // Also when wrapped (a grain that called another, a task that aggregated): Npgsql's exceptions have no Orleans
    // codec, so one left inside another would fail the whole answer with an undecodable error (seen at sign-in right
    // after a PostgreSQL restart).
    private static bool FromDatabase(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is NpgsqlException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
