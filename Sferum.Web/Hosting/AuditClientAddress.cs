using Sferum.Audit;

namespace Sferum.Web.Hosting;

/// <summary>
/// Hands each request's client address to the grain calls it makes (<see cref="AuditCallContext"/>), so that the audit
/// entries the grains write say from where. After UseForwardedHeaders: behind the trusted proxies this is the address
/// the proxy saw, not the proxy's.
/// </summary>
public static class AuditClientAddress
{
    public static IApplicationBuilder UseAuditClientAddress(this IApplicationBuilder app) =>
        // Async on purpose: the request context is an AsyncLocal, and an async method's change to it ends with the
        // method, so it cannot outlive this request on a reused connection.
        app.Use(async (context, next) =>
        {
            AuditCallContext.SetClientAddress(context.Connection.RemoteIpAddress);
            await next(context);
        });
}
