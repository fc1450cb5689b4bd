using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Sferum.Telemetry;

/// <summary>
/// Keeps what identifies a person or opens a door out of request spans. An invitation link (<c>/i/{token}</c>) is a
/// bearer secret, so <c>url.path</c> names the route parameter instead of its value (query strings are already
/// redacted by the ASP.NET Core instrumentation); the client's IP address is left out (the audit log keeps it where
/// the law wants it, telemetry has no need of it).
/// </summary>
public static class RequestRedaction
{
    private static readonly string[] SecretParameters = ["token"];

    public static void Apply(Activity activity, HttpContext context)
    {
        activity.SetTag("client.address", null);
        activity.SetTag("network.peer.address", null);
        activity.SetTag("network.peer.port", null);
        var path = context.Request.Path.Value;
        if (path is null)
        {
            return;
        }

        foreach (var name in SecretParameters)
        {
            if (context.Request.RouteValues.TryGetValue(name, out var value) && value is string { Length: > 0 } secret)
            {
                path = path.Replace(secret, "{" + name + "}", StringComparison.Ordinal);
            }
        }

        activity.SetTag("url.path", path);
    }
}
