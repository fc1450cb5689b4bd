using Microsoft.AspNetCore.Authentication.Cookies;
using Sferum.DevIdentity.Clients;
using Sferum.DevIdentity.Endpoints;
using Sferum.DevIdentity.Keys;
using Sferum.DevIdentity.Users;
using Sferum.Telemetry;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sferum.DevIdentity.Hosting;

public static class DevIdentityHostingExtensions
{
    public const string CookieScheme = "DevIdentity.Cookie";

    public static WebApplicationBuilder AddDevIdentity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DevIdentityOptions.Section).Get<DevIdentityOptions>() ?? new DevIdentityOptions();
        var clients = new ClientRegistry(options.Clients);
        var users = UserDirectory.Load(options.UsersFile ?? Path.Combine(AppContext.BaseDirectory, "users.json"));
        var keys = DevKeys.LoadOrCreate(options.KeysFolder ?? Path.Combine(builder.Environment.ContentRootPath, "keys"));
        builder.Services.AddSingleton(clients);
        builder.Services.AddSingleton(users);
        builder.AddSferumTelemetry("sferum-identity", web: true);

        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = "devidentity.session";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/Account/Login";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "devidentity.antiforgery");

        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetAuthorizationEndpointUris("connect/authorize")
                .SetTokenEndpointUris("connect/token")
                .SetUserInfoEndpointUris("connect/userinfo")
                .SetEndSessionEndpointUris("connect/endsession");
            server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
            server.RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Phone, Scopes.OfflineAccess, "snils", "trust", "kid", "journal.push");
            server.RegisterClaims(Claims.Subject, Claims.Name, Claims.FamilyName, Claims.GivenName, UserClaims.MiddleName, Claims.Birthdate,
                Claims.Email, Claims.EmailVerified, Claims.PhoneNumber, Claims.PhoneNumberVerified, UserClaims.Snils, UserClaims.TrustLevel);
            server.AddSigningKey(keys.Signing).AddEncryptionKey(keys.Encryption);
            // Resource servers (the journal push API) validate plain signed JWTs, as they would ESIA's.
            server.DisableAccessTokenEncryption();
            server.EnableDegradedMode();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableTokenEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                // Development only: the provider listens on plain http on loopback.
                .DisableTransportSecurityRequirement();
            RequestValidation.Register(server, clients);
        });
        return builder;
    }

    public static WebApplication UseDevIdentity(this WebApplication app)
    {
        var users = app.Services.GetRequiredService<UserDirectory>();
        app.Logger.LogInformation("Sferum.DevIdentity: {Count} users from {File}", users.Users.Count, users.Path);
        app.UseAuthentication();
        app.MapGet("/health/live", () => "ok");
        app.MapLoginPage();
        app.MapConnectEndpoints();
        return app;
    }
}
