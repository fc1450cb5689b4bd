using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Sferum.Telemetry;

/// <summary>
/// Keeps secrets that travel in a URL path out of spans: an invitation link (<c>/i/{token}</c>) is a bearer secret,
/// so a request's <c>url.path</c> names the route parameter instead of its value. Query strings are already
/// redacted by the ASP.NET Core instrumentation.
/// </summary>
public static class SensitivePaths
{
    private static readonly string[] SecretParameters = ["token"];

    public static void Redact(Activity activity, HttpContext context)
    {
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
