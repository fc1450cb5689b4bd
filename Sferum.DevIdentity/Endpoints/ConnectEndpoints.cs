using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sferum.DevIdentity.Clients;
using Sferum.DevIdentity.Hosting;
using Sferum.DevIdentity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sferum.DevIdentity.Endpoints;

/// <summary>The OpenID Connect endpoints that OpenIddict passes through to the host: authorize, token, userinfo, end session.</summary>
public static class ConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)AuthorizeAsync).DisableAntiforgery();
        app.MapPost("/connect/token", (Delegate)TokenAsync).DisableAntiforgery();
        app.MapMethods("/connect/userinfo", ["GET", "POST"], (Delegate)UserInfoAsync).DisableAntiforgery();
        app.MapMethods("/connect/endsession", ["GET", "POST"], (Delegate)EndSessionAsync).DisableAntiforgery();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserDirectory users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(DevIdentityHostingExtensions.CookieScheme);
        var user = session.Succeeded ? users.FindBySubject(session.Principal?.FindFirstValue("sub")) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (user is null && request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                }), [Server]);
            }

            // After the login form the request comes back without prompt=login, or it would ask forever.
            var query = http.Request.Query.Where(q => q.Key != Parameters.Prompt).ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            await http.SignOutAsync(DevIdentityHostingExtensions.CookieScheme);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = QueryHelpers.AddQueryString(http.Request.Path, query) },
                [DevIdentityHostingExtensions.CookieScheme]);
        }

        // Consent is skipped: the registered clients are the platform's own.
        return Results.SignIn(UserClaims.Principal(user, request.GetScopes()), authenticationScheme: Server);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserDirectory users, ClientRegistry clients)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = clients.Find(request.ClientId)!;
            var identity = new ClaimsIdentity(Server, Claims.Name, Claims.Role);
            identity.AddClaim(Claims.Subject, client.ClientId);
            identity.AddClaim(Claims.ClientId, client.ClientId);
            identity.AddClaim(Claims.Name, client.DisplayName.Length > 0 ? client.DisplayName : client.ClientId);
            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(request.GetScopes());
            principal.SetDestinations(_ => [Destinations.AccessToken]);
            return Results.SignIn(principal, authenticationScheme: Server);
        }

        // Authorization code and refresh token: the principal comes back from the code; the user must still exist.
        var result = await http.AuthenticateAsync(Server);
        var user = users.FindBySubject(result.Principal?.GetClaim(Claims.Subject));
        if (user is null)
        {
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user no longer exists.",
            }), [Server]);
        }

        return Results.SignIn(UserClaims.Principal(user, result.Principal!.GetScopes()), authenticationScheme: Server);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext http, UserDirectory users)
    {
        var result = await http.AuthenticateAsync(Server);
        var user = users.FindBySubject(result.Principal?.GetClaim(Claims.Subject));
        if (user is null)
        {
            return Results.Challenge(authenticationSchemes: [Server]);
        }

        var claims = UserClaims.Principal(user, result.Principal!.GetScopes()).Claims
            .GroupBy(c => c.Type)
            .ToDictionary(g => g.Key, g => g.First().ValueType == ClaimValueTypes.Boolean ? (object)bool.Parse(g.First().Value) : g.First().Value);
        return Results.Ok(claims);
    }

    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        // Ends the provider's own session too: the next sign-in asks for the password again.
        await http.SignOutAsync(DevIdentityHostingExtensions.CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [Server]);
    }
}
