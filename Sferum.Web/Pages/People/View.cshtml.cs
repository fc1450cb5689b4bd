using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.People;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.People;

/// <summary>
/// Another member's profile: name and roles in the schools the viewer shares with them; contact data for school admins.
/// The grain decides what is shown; the page never asks for more.
/// </summary>
public sealed class ViewModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid PersonId { get; set; }

    public MemberProfile Profile { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Profile = await cluster.GetGrain<IMemberProfileGrain>(PersonId).GetAsync(User.GetUserId());
}
