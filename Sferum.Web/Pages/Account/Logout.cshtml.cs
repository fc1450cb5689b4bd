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
        if (User.Identity?.IsAuthenticated == true && Guid.TryParse(User.FindFirst(SferumClaims.SessionId)?.Value, out var sessionId))
        {
            await cluster.GetGrain<IUserSessionsGrain>(User.GetUserId()).EndAsync(sessionId, "signed-out");
        }

        return SignOut(new AuthenticationProperties { RedirectUri = "/" },
            CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);
    }
}
