using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Communities;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>A community's leaders' page: join requests, leaders, description and who finds it.</summary>
public sealed class CommunityModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromRoute]
    public Guid ChatId { get; set; }

    public IReadOnlyList<JoinRequest> Requests { get; private set; } = [];

    public IReadOnlyList<CommunityMember> Members { get; private set; } = [];

    public CommunityCard Card { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    private ICommunityDirectoryGrain Directory => cluster.GetGrain<ICommunityDirectoryGrain>(SchoolId);

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostDecideAsync(Guid userId, bool approve) => RunAsync(async () =>
    {
        await Directory.DecideAsync(User.GetUserId(), ChatId, userId, approve);
        Notice = approve ? localizer["Community.Accepted"] : localizer["Invitation.Declined"];
    });

    public Task<IActionResult> OnPostAdminAsync(Guid userId, bool admin) => RunAsync(async () =>
    {
        await Directory.SetAdminAsync(User.GetUserId(), ChatId, userId, admin);
        Notice = admin ? localizer["Community.LeaderSet"] : localizer["Community.LeaderRemoved"];
    });

    public Task<IActionResult> OnPostSettingsAsync(string? title, string? description, List<int>? grades, bool openToParents) => RunAsync(async () =>
    {
        await Directory.UpdateAsync(User.GetUserId(), ChatId, new CommunitySettings(title ?? "", description ?? "", grades ?? [], openToParents));
        Notice = localizer["Community.Saved"];
    });

    private async Task<IActionResult> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            return RedirectToPage(new { SchoolId, ChatId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        // Requests first: the grain refuses anyone who does not lead the community (or administer the school).
        Requests = await Directory.RequestsAsync(userId, ChatId);
        Members = await Directory.MembersAsync(userId, ChatId);
        Card = (await Directory.ListAsync(userId)).FirstOrDefault(c => c.ChatId == ChatId)
            ?? throw DomainException.Localized("community.unknown", localizer["Community.Unknown"]);
    }
}
