using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Chats;
using Sferum.Common;
using Sferum.People;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.People;

/// <summary>
/// Another member's profile: name and roles in the schools the viewer shares with them; contact data for school admins.
/// The grain decides what is shown; the page never asks for more.
/// </summary>
public sealed class ViewModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid PersonId { get; set; }

    public MemberProfile Profile { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() =>
        Profile = await cluster.GetGrain<IMemberProfileGrain>(PersonId).GetAsync(User.GetUserId());

    /// <summary>A school admin appoints (or removes) this person as an author of the school's channel, with a one-time code.</summary>
    public async Task<IActionResult> OnPostChannelAuthorAsync(Guid schoolId, bool author, string? code)
    {
        try
        {
            await cluster.GetGrain<ISchoolChatsGrain>(schoolId).SetChannelAuthorAsync(User.GetUserId(), PersonId, author, code);
            Notice = author ? localizer["Person.AuthorSet"] : localizer["Person.AuthorRemoved"];
            return RedirectToPage(new { PersonId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await OnGetAsync();
            return Page();
        }
    }
}
