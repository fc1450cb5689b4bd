using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Sferum.Web.Journal;

namespace Sferum.Web.Identity;

public static class AuthenticationExtensions
{
    /// <summary>Cookie session + OpenID Connect (code flow with PKCE) against the configured provider.</summary>
    public static WebApplicationBuilder AddSferumAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OidcOptions.Section);
        var oidc = section.Get<OidcOptions>() ?? new OidcOptions();
        var errors = OidcOptionsValidator.Validate(oidc, builder.Environment.IsDevelopment());
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("OpenID Connect is misconfigured:\n  " + string.Join("\n  ", errors));
        }

        builder.Services.Configure<OidcOptions>(section);
        // The same setting bounds the server-side session (Sferum.Grains' SessionOptions), which the cookie only names.
        var sessionHours = builder.Configuration.GetValue("Sferum:Sessions:LifetimeHours", 12.0);

        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "sferum.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(sessionHours);
                o.SlidingExpiration = true;
                o.LoginPath = "/Account/Login";
                o.AccessDeniedPath = "/Account/AccessDenied";
                o.Events.OnValidatePrincipal = Sessions.SessionValidation.OnValidatePrincipal;
                // An API caller gets the status, not a redirect to a page meant for people.
                o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                // The code comes back in a redirect (GET), as ESIA does it. Lax correlation cookies then survive the
                // cross-site return without SameSite=None, which browsers refuse on plain-http development hosts.
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.MapInboundClaims = false;
                // No tokens in the cookie: the ID token (the sign-out hint) is kept with the server-side session.
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = oidc.GetClaimsFromUserInfoEndpoint;
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.TokenValidationParameters.NameClaimType = SferumClaims.Name;
                o.Events.OnTokenValidated = SignInEvents.OnTokenValidated;
                o.Events.OnRemoteFailure = SignInEvents.OnRemoteFailure;
                o.Events.OnRedirectToIdentityProviderForSignOut = SignOutEvents.OnRedirectToIdentityProviderForSignOut;
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                    }

                    return Task.CompletedTask;
                };
            })
            .AddJournalBearer(oidc);

        builder.Services.AddAuthorization(Policies.Add);
        return builder;
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
