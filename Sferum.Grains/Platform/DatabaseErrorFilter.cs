using Microsoft.Extensions.Logging;
using Npgsql;
using Sferum.Common;

namespace Sferum.Platform;

/// <summary>
/// A grain call that fails on the database (unreachable, overloaded) answers with a clear, serializable refusal instead
/// of an exception the caller cannot even decode; the original goes to the log. Nothing was acknowledged.
/// </summary>
public sealed class DatabaseErrorFilter(ILogger<DatabaseErrorFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogError(ex, "Database error in {Grain}.{Method}", context.TargetId, context.MethodName);
            throw new DomainException("database.unavailable", "Сервер базы данных сейчас недоступен. Ничего не сохранено — попробуйте ещё раз через минуту.");
        }
    }
}
