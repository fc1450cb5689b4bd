using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Profile;

/// <summary>
/// "Мои данные": everything Sferum holds about the user — and, for a parent, about each minor child — as an archive
/// prepared in the background and downloadable once.
/// </summary>
public sealed class DataModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ExportablePerson> People { get; private set; } = [];

    public IReadOnlyList<DataExportView> Exports { get; private set; } = [];

    /// <summary>The person's school's clock.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStartAsync(string? person)
    {
        try
        {
            var started = await Grain().RequestAsync(person ?? "");
            Notice = localizer["Data.Started", started.SubjectName];
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    public string Describe(DataExportView e) => e.Status switch
    {
        DataExportStatus.Queued => localizer["Data.Queued"],
        DataExportStatus.Running => localizer["Data.Running", e.Percent],
        DataExportStatus.Ready => localizer["Data.Ready"],
        DataExportStatus.Downloaded => localizer["Data.Downloaded"],
        DataExportStatus.Expired => localizer["Data.Expired"],
        _ => e.Error ?? localizer["Data.Failed"],
    };

    private IDataExportsGrain Grain() => cluster.GetGrain<IDataExportsGrain>(User.GetUserId());

    private async Task LoadAsync()
    {
        Clock = await SchoolClocks.ForPersonAsync(cluster, User.GetUserId());
        People = await Grain().GetPeopleAsync();
        Exports = await Grain().ListAsync();
    }
}
