using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Profile;

/// <summary>
/// "Мои данные": everything Sferum holds about the user — and, for a parent, about each minor child — as an archive
/// prepared in the background and downloadable once.
/// </summary>
public sealed class DataModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<ExportablePerson> People { get; private set; } = [];

    public IReadOnlyList<DataExportView> Exports { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStartAsync(string? person)
    {
        try
        {
            var started = await Grain().RequestAsync(person ?? "");
            Notice = $"Архив «{started.SubjectName}» готовится. Страница покажет, когда его можно будет скачать.";
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync();
            return Page();
        }
    }

    public static string Describe(DataExportView e) => e.Status switch
    {
        DataExportStatus.Queued => "в очереди",
        DataExportStatus.Running => $"готовится: {e.Percent} %",
        DataExportStatus.Ready => "готов",
        DataExportStatus.Downloaded => "скачан и удалён",
        DataExportStatus.Expired => "не скачан вовремя и удалён",
        _ => e.Error ?? "не удалось подготовить",
    };

    private IDataExportsGrain Grain() => cluster.GetGrain<IDataExportsGrain>(User.GetUserId());

    private async Task LoadAsync()
    {
        People = await Grain().GetPeopleAsync();
        Exports = await Grain().ListAsync();
    }
}
