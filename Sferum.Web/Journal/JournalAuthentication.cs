using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Sferum.Web.Identity;

namespace Sferum.Web.Journal;

/// <summary>
/// Electronic journals call the push API as OAuth machine clients: a bearer access token from the same identity
/// provider (client credentials grant) carrying the <c>journal.push</c> scope. Which schools a client may push to is
/// the school's decision (its grain keeps the list), not the token's.
/// </summary>
public static class JournalAuthentication
{
    public const string Scheme = "JournalBearer";
    public const string Policy = "JournalPush";
    public const string Scope = "journal.push";

    public static AuthenticationBuilder AddJournalBearer(this AuthenticationBuilder builder, OidcOptions oidc)
    {
        builder.AddJwtBearer(Scheme, o =>
        {
            o.Authority = oidc.Authority;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            // Client-credentials tokens name no audience unless the provider is told about resources; the scope and
            // the school's own list of allowed clients are what authorise a push.
            o.TokenValidationParameters.ValidateAudience = false;
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HasScope(context.User, Scope) && ClientId(context.User) is not null));
        return builder;
    }

    /// <summary>The calling client's id: <c>client_id</c>, or <c>azp</c>, or the subject of a client-credentials token.</summary>
    public static string? ClientId(ClaimsPrincipal principal) =>
        principal.FindFirstValue("client_id") ?? principal.FindFirstValue("azp") ?? principal.FindFirstValue("sub");

    // "scope" arrives as one space-separated claim or as one claim per scope, depending on the provider.
    private static bool HasScope(ClaimsPrincipal principal, string scope) =>
        principal.FindAll("scope").Concat(principal.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
