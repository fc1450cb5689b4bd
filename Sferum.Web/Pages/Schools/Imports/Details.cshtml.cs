using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Rosters;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools.Imports;

/// <summary>
/// One import: the validation report, the preview of changes (counted, and listed by section and page) and the Apply
/// button. While an import is being applied the page refreshes itself, so a reload or another tab shows progress.
/// </summary>
public sealed class DetailsModel(IClusterClient cluster) : PageModel
{
    public const int PageSize = 100;

    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromRoute]
    public Guid ImportId { get; set; }

    [FromQuery]
    public ImportSection Section { get; set; } = ImportSection.People;

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ImportReport Report { get; private set; } = null!;

    /// <summary>The school's time zone, in which the upload's time is shown.</summary>
    public Sferum.Common.SchoolClock Clock { get; private set; } = Sferum.Common.SchoolClock.Fallback;

    public IReadOnlyList<ImportChangeRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var grain = cluster.GetGrain<IRosterImportGrain>(SchoolId);
        var requester = ImportRequester.User(User.GetUserId());
        Report = await grain.GetAsync(requester, ImportId);
        Clock = await Sferum.Web.Localization.SchoolClocks.ForSchoolAsync(cluster, SchoolId);
        PageNumber = Math.Max(1, PageNumber);
        Rows = await grain.GetChangesAsync(requester, ImportId, Section, (PageNumber - 1) * PageSize, PageSize);
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        try
        {
            await cluster.GetGrain<IRosterImportGrain>(SchoolId).ApplyAsync(ImportRequester.User(User.GetUserId()), ImportId);
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            TempData["ApplyError"] = ErrorText.Of(ex);
        }

        return RedirectToPage(new { SchoolId, ImportId });
    }

    public int SectionTotal(ImportSection section) => section switch
    {
        ImportSection.Classes => Report.Changes.Classes.Total,
        ImportSection.People => Report.Changes.People.Total,
        ImportSection.Enrollments => Report.Changes.Enrollments.Total - Report.Changes.Moves,
        ImportSection.Guardianships => Report.Changes.Guardianships.Total,
        _ => Report.Changes.Teaching.Total,
    };
}
