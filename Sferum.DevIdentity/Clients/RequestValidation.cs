using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Sferum.DevIdentity.Clients;

/// <summary>
/// OpenIddict's degraded mode (no database) leaves client checks to the host: these handlers refuse unknown clients,
/// wrong secrets, unregistered redirect URIs, grants and scopes a client is not allowed.
/// </summary>
public static class RequestValidation
{
    public static void Register(OpenIddictServerBuilder server, ClientRegistry clients)
    {
        server.AddEventHandler<ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(context =>
        {
            var client = clients.Find(context.ClientId);
            if (client is null)
            {
                context.Reject(Errors.InvalidClient, "Unknown client_id.");
            }
            else if (!client.GrantTypes.Contains(GrantTypes.AuthorizationCode))
            {
                context.Reject(Errors.UnauthorizedClient, "This client may not use the authorization code flow.");
            }
            else if (context.RedirectUri is null || !client.RedirectUris.Contains(context.RedirectUri, StringComparer.Ordinal))
            {
                context.Reject(Errors.InvalidRequest, "The redirect_uri is not registered for this client.");
            }
            else if (context.Request.GetScopes().Except(client.Scopes).Any())
            {
                context.Reject(Errors.InvalidScope, "A requested scope is not allowed for this client.");
            }

            return default;
        }));

        server.AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(context =>
        {
            var client = clients.Authenticate(context.ClientId, context.Request.ClientSecret);
            if (client is null)
            {
                context.Reject(Errors.InvalidClient, "Unknown client or wrong client secret.");
            }
            else if (context.Request.GrantType is null || !client.GrantTypes.Contains(context.Request.GrantType))
            {
                context.Reject(Errors.UnauthorizedClient, "This grant type is not allowed for this client.");
            }
            else if (context.Request.GetScopes().Except(client.Scopes).Any())
            {
                context.Reject(Errors.InvalidScope, "A requested scope is not allowed for this client.");
            }

            return default;
        }));

        server.AddEventHandler<ValidateEndSessionRequestContext>(b => b.UseInlineHandler(context =>
        {
            var uri = context.PostLogoutRedirectUri;
            if (uri is not null && !clients.AllPostLogoutRedirectUris().Contains(uri, StringComparer.Ordinal))
            {
                context.Reject(Errors.InvalidRequest, "The post_logout_redirect_uri is not registered.");
            }

            return default;
        }));
    }
}
