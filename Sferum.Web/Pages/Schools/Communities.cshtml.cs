using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Communities;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>The school's directory of communities as one person may see it: join requests, and creating one (staff).</summary>
public sealed class CommunitiesModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    public IReadOnlyList<CommunityCard> Communities { get; private set; } = [];

    /// <summary>Staff may create communities: they see every one, including those open to no grade.</summary>
    public bool IsStaff { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    private ICommunityDirectoryGrain Directory => cluster.GetGrain<ICommunityDirectoryGrain>(SchoolId);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostJoinAsync(Guid chatId, string? note) => RunAsync(async () =>
    {
        await Directory.RequestJoinAsync(User.GetUserId(), chatId, note);
        Notice = localizer["Communities.Sent"];
    });

    public Task<IActionResult> OnPostCreateAsync(string? title, string? description, List<int>? grades, bool openToParents) => RunAsync(async () =>
    {
        await Directory.CreateAsync(User.GetUserId(), new CommunitySettings(title ?? "", description ?? "", grades ?? [], openToParents));
        Notice = localizer["Communities.Created"];
    });

    public string Audience(CommunityCard c)
    {
        var parts = new List<string>();
        if (c.OpenGrades.Count > 0)
        {
            parts.Add(localizer["Communities.ForGrades", string.Join(", ", c.OpenGrades)]);
        }

        if (c.OpenToParents)
        {
            parts.Add(localizer["Communities.ForParents"]);
        }

        return parts.Count == 0 ? localizer["Communities.ForStaff"] : string.Join(localizer["Communities.And"].Value, parts);
    }

    private async Task<IActionResult> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && ex.Code != "community.unknown")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        Communities = await Directory.ListAsync(userId);
        // The chats grain is the one that knows who is staff: it refuses others when they create.
        IsStaff = await cluster.GetGrain<ISchoolChatsGrain>(SchoolId).IsStaffAsync(userId);
    }
}
