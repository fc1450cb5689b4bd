using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Invitations;
using Sferum.Web.Identity;
using Sferum.Web.Invitations;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Invitations;

/// <summary>
/// Where a link leads (<c>/i/{token}</c>). Signing in comes first; then the page says what the link offers, or why it
/// cannot be used, and joins on the person's own click (a link preview by a messenger must not join anybody).
/// </summary>
public sealed class AcceptModel(IClusterClient cluster, ILogger<AcceptModel> logger) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = "";

    public InvitationOffer? Offer { get; private set; }

    public RedeemResult? Result { get; private set; }

    public string? Refusal { get; private set; }

    public async Task OnGetAsync() => await RunAsync(async (g, attempt) => Offer = await g.CheckAsync(attempt));

    public async Task<IActionResult> OnPostAsync()
    {
        await RunAsync(async (g, attempt) => Result = await g.RedeemAsync(attempt));
        return Result is { Status: InvitationUseStatus.Joined } joined ? Redirect($"/Chats/{joined.ChatId}") : Page();
    }

    private async Task RunAsync(Func<IInvitationGrain, InvitationAttempt, Task> call)
    {
        // A malformed token names no grain; it is refused with the same words as a well-formed one that matches nothing.
        InvitationToken.TryReadId(Token, out var id);
        try
        {
            await call(cluster.GetGrain<IInvitationGrain>(id), new InvitationAttempt(User.GetUserId(), Token, InvitationText.AddressOf(HttpContext)));
        }
        catch (DomainException ex)
        {
            logger.LogInformation("Invitation refused for {UserId}: {Code}", User.GetUserId(), ex.Code);
            Refusal = ErrorText.Of(ex);
            Response.StatusCode = ex.Code == "invitation.rate-limited" ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK;
        }
    }
}
