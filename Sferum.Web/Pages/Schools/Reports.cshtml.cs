using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Moderation;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>The reports a teacher or admin may act on, with the actions; the moderation grain decides who sees which.</summary>
public sealed class ReportsModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromQuery]
    public bool All { get; set; }

    public IReadOnlyList<MessageReport> Reports { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostActAsync(Guid reportId, ReportAction action, int muteHours)
    {
        try
        {
            await cluster.GetGrain<IModerationGrain>(SchoolId).ActAsync(User.GetUserId(), reportId, action, action == ReportAction.Mute ? muteHours : 0);
            Notice = action switch
            {
                ReportAction.Dismiss => localizer["Reports.Dismissed"],
                ReportAction.Hide => localizer["Reports.Hidden"],
                ReportAction.Mute => localizer["Reports.Muted"],
                _ => localizer["Reports.Removed"],
            };
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && !ex.Code.EndsWith(".unknown", StringComparison.Ordinal))
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    public string Describe(string? resolution) => resolution switch
    {
        "dismissed" => localizer["Reports.ResolutionDismissed"],
        "hidden" => localizer["Reports.ResolutionHidden"],
        "muted" => localizer["Reports.ResolutionMuted"],
        "removed" => localizer["Reports.ResolutionRemoved"],
        _ => "—",
    };

    /// <summary>The school's clock.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    private async Task LoadAsync()
    {
        var userId = User.GetUserId();
        Reports = await cluster.GetGrain<IModerationGrain>(SchoolId).ReportsAsync(userId, All);
        IsAdmin = await cluster.GetGrain<ISchoolGrain>(SchoolId).IsAdminAsync(userId);
        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
    }
}
