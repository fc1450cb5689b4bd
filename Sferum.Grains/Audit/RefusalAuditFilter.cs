using Microsoft.Extensions.Logging;
using Sferum.Common;

namespace Sferum.Audit;

/// <summary>
/// Writes every refused access (a grain answering "forbidden") to the audit log: who (by the convention that a grain
/// method's first Guid argument is the acting user), what (interface and method), and, for grains that know it, the
/// school, whose admins then see the attempt. A failure to write the entry never hides the refusal itself.
/// </summary>
public sealed class RefusalAuditFilter(AuditLog audit, ILogger<RefusalAuditFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (DomainException ex) when (ex.Code == "forbidden")
        {
            try
            {
                var actor = Enumerable.Range(0, context.Request.GetArgumentCount()).Select(context.Request.GetArgument).OfType<Guid>().FirstOrDefault();
                var school = (context.TargetContext.GrainInstance as ISchoolScoped)?.AuditSchoolId;
                await audit.WriteAsync(new AuditEntry(school, actor == Guid.Empty ? null : actor, null, "access.refused",
                    $"Отказано в доступе: {context.InterfaceName}.{context.MethodName}",
                    new Dictionary<string, object?> { ["grain"] = context.TargetId.ToString(), ["reason"] = ex.Message }));
            }
            catch (Exception auditError)
            {
                logger.LogWarning(auditError, "Could not audit a refusal in {Grain}.{Method}", context.TargetId, context.MethodName);
            }

            throw;
        }
    }
}
