using System.Security.Cryptography;
using System.Text;
using Sferum.Web.Identity;

namespace Sferum.Web.Offline;

/// <summary>
/// Names the signed-in session to the service worker (wwwroot/sw.js), which keeps its offline copies of chats in a
/// cache of that name only: a response of another session (another person on a shared family phone) makes it drop the
/// previous one's cache, and a page seen signed out drops them all. The key is a hash of the session's id, so it says
/// nothing about the person and cannot be used as a credential.
/// </summary>
public static class OfflineCacheKey
{
    public const string Header = "Sferum-Offline-Key";

    public static string For(string sessionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"sferum-offline:{sessionId}")))[..32];

    public static IApplicationBuilder UseSferumOfflineCacheKey(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirst(SferumClaims.SessionId)?.Value is { Length: > 0 } session)
            {
                context.Response.Headers[Header] = For(session);
            }

            return next(context);
        });
}
