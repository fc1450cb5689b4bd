using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools.PersonalData;

/// <summary>
/// The school's personal data page for its admins: the destruction policy, the operator details every act names (changed
/// on the operator page), and the acts of destruction with their log extracts as PDF (kept three years, then purged).
/// </summary>
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [BindProperty]
    public PolicyInput Policy { get; set; } = new();

    public OperatorDetails? Operator { get; private set; }

    public IReadOnlyList<DestructionActSummary> Acts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The school's clock: acts are dated on it.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    private IPersonalDataGrain Desk => cluster.GetGrain<IPersonalDataGrain>(SchoolId);

    public async Task OnGetAsync()
    {
        var policy = await Desk.GetPolicyAsync(User.GetUserId());
        Policy = new PolicyInput { DeleteMessages = policy.DeleteMessages, DeleteRecordings = policy.DeleteRecordings };
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostPolicyAsync()
    {
        await Desk.SetPolicyAsync(User.GetUserId(), new DestructionPolicy(Policy.DeleteMessages, Policy.DeleteRecordings));
        Notice = localizer["PersonalData.Saved"];
        return RedirectToPage(new { SchoolId });
    }

    /// <summary>The act (or its log extract) as the PDF issued when the data was destroyed.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid actId, bool extract)
    {
        var pdf = await Desk.GetActPdfAsync(User.GetUserId(), actId, extract);
        return File(pdf, "application/pdf", extract ? $"vypiska-iz-zhurnala-{actId:N}.pdf" : $"akt-ob-unichtozhenii-{actId:N}.pdf");
    }

    /// <summary>The resource key naming why the data was destroyed.</summary>
    public static string ReasonKey(ErasureReason reason) => reason switch
    {
        ErasureReason.LeftRoster => "PersonalData.ReasonLeft",
        ErasureReason.ConsentWithdrawn => "PersonalData.ReasonConsent",
        ErasureReason.UnlawfulProcessing => "PersonalData.ReasonUnlawful",
        _ => "PersonalData.ReasonAdmin",
    };

    private async Task LoadAsync()
    {
        Acts = await Desk.ListActsAsync(User.GetUserId());
        Operator = await cluster.GetGrain<ISchoolOperatorGrain>(SchoolId).GetAsync(User.GetUserId());
        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
    }

    public sealed class PolicyInput
    {
        public bool DeleteMessages { get; set; }

        public bool DeleteRecordings { get; set; }
    }
}
