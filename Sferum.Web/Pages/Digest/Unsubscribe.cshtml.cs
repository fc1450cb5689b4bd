using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Digest;

namespace Sferum.Web.Pages.Digest;

/// <summary>
/// The e-mail digest's unsubscribe link, without sign-in: GET shows a confirmation with one button; POST (the button,
/// or a mail program's RFC 8058 one-click <c>List-Unsubscribe=One-Click</c>) turns the digest off. The token in the
/// link is the only proof; the antiforgery token cannot be asked of a mail program, and the POST does nothing but
/// switch letters off for the token's owner.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(IClusterClient cluster) : PageModel
{
    [FromQuery(Name = "token")]
    public string? Token { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await Grain().IsValidAsync(Token ?? "") ? Page() : Invalid();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Grain().UnsubscribeAsync(Token ?? ""))
        {
            return Invalid();
        }

        Done = true;
        return Page();
    }

    private IActionResult Invalid()
    {
        Token = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private IDigestUnsubscribeGrain Grain() => cluster.GetGrain<IDigestUnsubscribeGrain>(0);
}
