using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Meetings;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Meetings;

/// <summary>A meeting's page: the room (through Sferum's signalling proxy), the lobby, and the host's controls.</summary>
public sealed class ViewModel(IClusterClient cluster) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid MeetingId { get; set; }

    public MeetingView Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Meeting = await cluster.GetGrain<IMeetingGrain>(MeetingId).GetAsync(User.GetUserId());
            return Page();
        }
        catch (DomainException ex) when (ex.Code == "forbidden" || ex.Code.EndsWith(".unknown", StringComparison.Ordinal))
        {
            // Outsiders learn nothing, not even whether the meeting exists.
            return NotFound();
        }
    }
}
