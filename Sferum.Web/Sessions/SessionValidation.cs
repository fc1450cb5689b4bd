using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Sferum.Sessions;
using Sferum.Web.Identity;

namespace Sferum.Web.Sessions;

/// <summary>
/// Every request with a session cookie asks the user's sessions grain whether that session is still alive: a session
/// ended on another device, idle too long, or of a disabled account is refused here, not when the cookie expires.
/// </summary>
public static class SessionValidation
{
    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (principal is null || !Guid.TryParse(principal.FindFirst(SferumClaims.SessionId)?.Value, out var sessionId))
        {
            await RejectAsync(context);
            return;
        }

        var cluster = context.HttpContext.RequestServices.GetRequiredService<IClusterClient>();
        if (!await cluster.GetGrain<IUserSessionsGrain>(principal.GetUserId()).TouchAsync(sessionId))
        {
            await RejectAsync(context);
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The device as people recognise it, from the browser's User-Agent.</summary>
    public static string DescribeDevice(string userAgent)
    {
        string? browser = userAgent switch
        {
            _ when userAgent.Contains("YaBrowser", StringComparison.Ordinal) => "Яндекс Браузер",
            _ when userAgent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when userAgent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when userAgent.Contains("Chrome/", StringComparison.Ordinal) => "Chrome",
            _ when userAgent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => null,
        };
        string? system = userAgent switch
        {
            _ when userAgent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when userAgent.Contains("iPhone", StringComparison.Ordinal) || userAgent.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when userAgent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when userAgent.Contains("Mac OS", StringComparison.Ordinal) => "macOS",
            _ when userAgent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => null,
        };
        return browser is null && system is null ? "Приложение или неизвестный браузер" : string.Join(", ", new[] { browser, system }.OfType<string>());
    }
}
