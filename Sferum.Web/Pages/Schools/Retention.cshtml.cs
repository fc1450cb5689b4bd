using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>
/// «Сроки хранения»: how long the school keeps its chats' history and files, applied every night (or at once from
/// here), with the reports of what each run removed. The school's retention grain admits its admins only.
/// </summary>
public sealed class RetentionModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    /// <summary>The form's fields: years as text, empty for «бессрочно».</summary>
    [BindProperty]
    public string? ChatYears { get; set; }

    [BindProperty]
    public string? FileYears { get; set; }

    [BindProperty]
    public bool KeepPinned { get; set; } = true;

    [BindProperty]
    public bool KeepMaterials { get; set; } = true;

    public IReadOnlyList<RetentionReport> Reports { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var policy = await Grain().GetAsync(User.GetUserId());
        (ChatYears, FileYears, KeepPinned, KeepMaterials) = (policy.ChatYears?.ToString(), policy.FileYears?.ToString(), policy.KeepPinned, policy.KeepMaterials);
        await LoadReportsAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var chat = Years(ChatYears, nameof(ChatYears), localizer["Retention.ChatLabel"]);
        var file = Years(FileYears, nameof(FileYears), localizer["Retention.FileLabel"]);
        if (ModelState.IsValid)
        {
            try
            {
                await Grain().SetAsync(User.GetUserId(), new RetentionPolicy(chat, file, KeepPinned, KeepMaterials));
                Notice = localizer["Retention.Saved"];
                return RedirectToPage(new { SchoolId });
            }
            catch (DomainException ex) when (ex.Code != "forbidden")
            {
                ModelState.AddModelError(ex.Code.Contains("chat", StringComparison.Ordinal) ? nameof(ChatYears) : nameof(FileYears), ErrorText.Of(ex));
            }
        }

        await LoadReportsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRunAsync()
    {
        var report = await Grain().RunNowAsync(User.GetUserId());
        Notice = localizer["Retention.Applied", report.MessagesRemoved, report.FilesDetached, report.MaterialsRemoved];
        return RedirectToPage(new { SchoolId });
    }

    private int? Years(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), out var years) || years is < 1 or > RetentionPolicy.MaxYears)
        {
            ModelState.AddModelError(field, localizer["Retention.YearsInvalid", label, RetentionPolicy.MaxYears]);
            return null;
        }

        return years;
    }

    private ISchoolRetentionGrain Grain() => cluster.GetGrain<ISchoolRetentionGrain>(SchoolId);

    /// <summary>The school's time zone, in which the reports' times are shown.</summary>
    public Sferum.Common.SchoolClock Clock { get; private set; } = Sferum.Common.SchoolClock.Fallback;

    private async Task LoadReportsAsync()
    {
        Reports = await Grain().ReportsAsync(User.GetUserId());
        Clock = await Sferum.Web.Localization.SchoolClocks.ForSchoolAsync(cluster, SchoolId);
    }
}
