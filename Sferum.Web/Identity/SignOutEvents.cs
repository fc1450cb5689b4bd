using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Sferum.Sessions;

namespace Sferum.Web.Identity;

/// <summary>
/// The sign-out request to the provider: its hint (the ID token of the session being signed out) comes from the
/// server-side session, since the cookie no longer carries it. The session must still be alive when this runs (the
/// logout page ends it afterwards), because ending it clears the token.
/// </summary>
internal static class SignOutEvents
{
    public static async Task OnRedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        // Without a hint the provider must still learn whose post_logout_redirect_uri this is.
        if (string.IsNullOrEmpty(context.ProtocolMessage.ClientId))
        {
            context.ProtocolMessage.ClientId = context.Options.ClientId;
        }

        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirst(SferumClaims.SessionId)?.Value, out var sessionId))
        {
            return;
        }

        var cluster = context.HttpContext.RequestServices.GetRequiredService<IClusterClient>();
        // Sessions started before the token was kept server-side have none: they sign out without the hint.
        if (await cluster.GetGrain<IUserSessionsGrain>(user.GetUserId()).SignOutHintAsync(sessionId) is { } hint)
        {
            context.ProtocolMessage.IdTokenHint = hint;
        }
    }
}
