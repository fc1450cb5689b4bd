using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Sessions;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Account;

/// <summary>
/// Ends the Sferum session (server-side too, so a copied cookie is worthless) and the provider's: on a shared school
/// computer the next person must not be signed in silently as the previous one.
/// </summary>
public sealed class LogoutModel(IClusterClient cluster) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        if (User.Identity?.IsAuthenticated != true || !Guid.TryParse(User.FindFirst(SferumClaims.SessionId)?.Value, out var sessionId))
        {
            return SignOut(properties, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
        }

        // The provider's sign-out request is built first: its hint (SignOutEvents) is the session's ID token, which
        // ending the session clears. The session ends whatever happens to that request (a provider that cannot be
        // reached must not leave the session usable).
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        try
        {
            await HttpContext.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, properties);
        }
        finally
        {
            await cluster.GetGrain<IUserSessionsGrain>(User.GetUserId()).EndAsync(sessionId, "signed-out");
        }

        // The OpenID Connect handler has written the redirect to the provider.
        return new EmptyResult();
    }
}
