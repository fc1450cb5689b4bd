using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Invitations;
using Sferum.Web.Identity;
using Sferum.Web.Invitations;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Invitations;

/// <summary>
/// One invitation for those who manage it: the link (shown once, right after it was made), who joined or waits, and
/// the actions: approve, decline, remove, remove all (with a one-time code), revoke.
/// </summary>
public sealed class DetailsModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid InvitationId { get; set; }

    [TempData]
    public string? NewToken { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public InvitationDetails Invitation { get; private set; } = null!;

    /// <summary>The invitation's school's clock.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    public string? Link { get; private set; }

    public string? Qr { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (NewToken is { } token && InvitationToken.TryReadId(token, out var id) && id == InvitationId)
        {
            Link = InvitationText.LinkFor(Request, token);
            Qr = InvitationText.QrDataUri(Link);
        }
    }

    public Task<IActionResult> OnPostRevokeAsync() => RunAsync(async g =>
    {
        await g.RevokeAsync(User.GetUserId());
        Notice = localizer["Invitation.Revoked"];
    });

    public Task<IActionResult> OnPostDecideAsync(Guid userId, bool approve) => RunAsync(async g =>
    {
        await g.DecideAsync(User.GetUserId(), userId, approve);
        Notice = approve ? localizer["Invitation.Approved"] : localizer["Invitation.Declined"];
    });

    public Task<IActionResult> OnPostRemoveAsync(Guid userId) => RunAsync(async g =>
    {
        await g.RemoveAsync(User.GetUserId(), userId);
        Notice = localizer["Invitation.Removed"];
    });

    public Task<IActionResult> OnPostRemoveAllAsync(string? secondFactorCode) => RunAsync(async g =>
    {
        var removed = await g.RemoveAllAsync(User.GetUserId(), secondFactorCode);
        Notice = localizer["Invitation.RemovedAll", removed];
    });

    private async Task<IActionResult> RunAsync(Func<IInvitationGrain, Task> action)
    {
        try
        {
            await action(cluster.GetGrain<IInvitationGrain>(InvitationId));
            return RedirectToPage();
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && !ex.Code.EndsWith(".unknown", StringComparison.Ordinal))
        {
            await LoadAsync();
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        Invitation = await cluster.GetGrain<IInvitationGrain>(InvitationId).GetAsync(User.GetUserId());
        Clock = await SchoolClocks.ForSchoolAsync(cluster, Invitation.SchoolId);
    }
}
