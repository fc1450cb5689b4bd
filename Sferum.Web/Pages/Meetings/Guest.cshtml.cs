using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Meetings;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Meetings;

/// <summary>
/// A guest's personal link: signing in is required (the link then belongs to that verified person) and leads to the
/// meeting's lobby. The link's secret is in the path once; the meeting page the guest lands on does not repeat it.
/// </summary>
public sealed class GuestModel(IClusterClient cluster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid MeetingId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Secret { get; set; } = "";

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            await cluster.GetGrain<IMeetingGrain>(MeetingId).AcceptGuestAsync(User.GetUserId(), Secret);
            return Redirect($"/Meetings/{MeetingId}");
        }
        catch (DomainException ex)
        {
            Problem = ErrorText.Of(ex);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
    }
}
