using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Web.Identity;

/// <summary>
/// What happens when the provider hands a user back: the user grain is created or updated from the claims, a
/// server-side session is started (holding the provider's ID token), and the session cookie gets a small principal of
/// our own instead of the provider's claims and tokens.
/// </summary>
internal static class SignInEvents
{
    public static async Task OnTokenValidated(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OidcOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Sferum.Web.SignIn");

        var (identity, errorCode) = ExternalIdentityReader.Read(context.Principal!, options);
        if (identity is null)
        {
            logger.LogWarning("Sign-in refused: {Reason}", errorCode);
            context.Fail(new SignInRefusedException(errorCode!));
            return;
        }

        UserProfile profile;
        Guid sessionId;
        try
        {
            var grains = services.GetRequiredService<IClusterClient>();
            profile = await grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor(identity.Provider, identity.Subject))
                .SignInAsync(identity);
            var request = context.HttpContext;
            // The ID token stays with the server-side session (the hint for signing out at the provider), not in the
            // cookie, which every request uploads and every live connection holds.
            sessionId = await grains.GetGrain<Sferum.Sessions.IUserSessionsGrain>(profile.UserId).StartWithIdTokenAsync(
                request.Request.Headers.UserAgent.ToString(), request.Connection.RemoteIpAddress?.ToString() ?? "",
                context.SecurityToken?.RawData);
        }
        catch (DomainException ex)
        {
            logger.LogWarning("Sign-in of subject {Subject} refused: {Code}", identity.Subject, ex.Code);
            context.Fail(new SignInRefusedException(ex.Code));
            return;
        }

        context.Principal = SessionPrincipal.Create(profile.UserId, profile.Name.FullName, profile.Trust, profile.IsPlatformOperator, sessionId);

        logger.LogInformation("User {UserId} signed in (trust {Trust})", profile.UserId, profile.Trust);
    }

    public static Task OnRemoteFailure(RemoteFailureContext context)
    {
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sferum.Web.SignIn");
        logger.LogWarning(context.Failure, "Sign-in failed");
        // Only a code travels in the URL (a free-text message there could be forged); the page words it.
        var code = context.Failure is SignInRefusedException refused ? refused.Code : SignInRefusedException.Unavailable;
        context.HttpContext.RequestServices.GetRequiredService<Telemetry.WebMetrics>().LoginFailed(code);
        context.Response.Redirect("/Account/LoginFailed?reason=" + Uri.EscapeDataString(code));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
