using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools.PersonalData;

/// <summary>
/// The school's personal data page for its admins: the operator's details and the destruction policy that every act
/// uses, and the acts of destruction with their log extracts as PDF (kept three years, then purged).
/// </summary>
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [BindProperty]
    public SettingsInput Settings { get; set; } = new();

    public IReadOnlyList<DestructionActSummary> Acts { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The school's clock: acts are dated on it.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    private IPersonalDataGrain Desk => cluster.GetGrain<IPersonalDataGrain>(SchoolId);

    public async Task OnGetAsync()
    {
        var s = await Desk.GetSettingsAsync(User.GetUserId());
        Settings = new SettingsInput
        {
            OperatorName = s.OperatorName, OperatorAddress = s.OperatorAddress, Processor = s.Processor, ResponsibleName = s.ResponsibleName,
            ResponsiblePosition = s.ResponsiblePosition, DeleteMessages = s.DeleteMessages, DeleteRecordings = s.DeleteRecordings,
        };
        Acts = await Desk.ListActsAsync(User.GetUserId());
        Clock = await SchoolClocks.ForSchoolAsync(cluster, SchoolId);
    }

    public async Task<IActionResult> OnPostSettingsAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                await Desk.SetSettingsAsync(User.GetUserId(), new PersonalDataSettings(Settings.OperatorName!, Settings.OperatorAddress!, Settings.Processor,
                    Settings.ResponsibleName!, Settings.ResponsiblePosition!, Settings.DeleteMessages, Settings.DeleteRecordings));
                Notice = localizer["PersonalData.Saved"];
                return RedirectToPage(new { SchoolId });
            }
            catch (DomainException ex) when (ex.Code != "forbidden")
            {
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        Acts = await Desk.ListActsAsync(User.GetUserId());
        return Page();
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

    public sealed class SettingsInput
    {
        [Display(Name = "PersonalData.OperatorName"), Required(ErrorMessage = "PersonalData.OperatorNameRequired"), StringLength(300, MinimumLength = 3,
            ErrorMessage = "PersonalData.OperatorNameLength")]
        public string? OperatorName { get; set; }

        [Display(Name = "PersonalData.OperatorAddress"), Required(ErrorMessage = "PersonalData.OperatorAddressRequired"), StringLength(500, MinimumLength = 5,
            ErrorMessage = "PersonalData.OperatorAddressLength")]
        public string? OperatorAddress { get; set; }

        [Display(Name = "PersonalData.Processor"), StringLength(500, ErrorMessage = "PersonalData.ProcessorLength")]
        public string? Processor { get; set; }

        [Display(Name = "PersonalData.Responsible"), Required(ErrorMessage = "PersonalData.ResponsibleRequired"),
         StringLength(200, MinimumLength = 3, ErrorMessage = "PersonalData.ResponsibleLength")]
        public string? ResponsibleName { get; set; }

        [Display(Name = "PersonalData.ResponsiblePosition"), Required(ErrorMessage = "PersonalData.PositionRequired"), StringLength(200, MinimumLength = 2,
            ErrorMessage = "PersonalData.PositionLength")]
        public string? ResponsiblePosition { get; set; }

        public bool DeleteMessages { get; set; }

        public bool DeleteRecordings { get; set; }
    }
}
