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
/// One person's data as the school's admin manages it: the roster record, a correction of one field (with the reason),
/// and the order to destroy the person's data (reason, the admin's position for the act, an explicit confirmation).
/// </summary>
public sealed class PersonModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    /// <summary>The roster's journal id, or <c>u:{user id}</c> for someone in the school by invitation.</summary>
    [FromQuery(Name = "member")]
    public string Member { get; set; } = "";

    public PersonRecord Person { get; private set; } = null!;

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    [BindProperty]
    public ErasureInput Erasure { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    private IPersonalDataGrain Desk => cluster.GetGrain<IPersonalDataGrain>(SchoolId);

    public async Task OnGetAsync() => Person = await Desk.GetPersonAsync(User.GetUserId(), Member);

    public async Task<IActionResult> OnPostCorrectAsync()
    {
        ModelState.Clear();
        if (TryValidateModel(Correction, nameof(Correction)))
        {
            try
            {
                await Desk.CorrectAsync(User.GetUserId(), Member, new PersonCorrection(Correction.Field!.Value, Correction.Value, Correction.Reason!));
                Notice = localizer["Person.Corrected", CorrectableFields.Label(Correction.Field.Value)];
                return RedirectToPage(new { SchoolId, member = Member });
            }
            catch (DomainException ex) when (ex.Code is not "forbidden" and not "person.unknown")
            {
                ModelState.AddModelError("Correction.Value", ErrorText.Of(ex));
            }
        }

        Person = await Desk.GetPersonAsync(User.GetUserId(), Member);
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync()
    {
        ModelState.Clear();
        // The admin's own right is checked first: an outsider learns nothing from the form's validation.
        Person = await Desk.GetPersonAsync(User.GetUserId(), Member);
        if (TryValidateModel(Erasure, nameof(Erasure)))
        {
            try
            {
                var status = await cluster.GetGrain<IPersonErasureGrain>(Person.ErasureKey).OrderAsync(User.GetUserId(),
                    new AdminErasureOrder(SchoolId, Erasure.Reason!, Erasure.Position!, Erasure.Confirmed));
                Notice = status.State == ErasureState.Done
                    ? localizer["Person.ErasedNotice", status.ActNumber?.ToString() ?? ""]
                    : localizer["Person.ErasureStarted"];
                return RedirectToPage("Index", new { SchoolId });
            }
            catch (TimeoutException)
            {
                // A large erasure outlasts the node's wait for an answer; its grain goes on (and a reminder backs it up).
                Notice = localizer["Person.ErasureStarted"];
                return RedirectToPage("Index", new { SchoolId });
            }
            catch (DomainException ex) when (ex.Code is not "forbidden" and not "person.unknown")
            {
                ModelState.AddModelError(ex.Code switch
                {
                    "erasure.reason-invalid" => "Erasure.Reason",
                    "erasure.position-invalid" => "Erasure.Position",
                    "erasure.not-confirmed" => "Erasure.Confirmed",
                    _ => string.Empty,
                }, ErrorText.Of(ex));
            }
        }

        return Page();
    }

    public static IReadOnlyList<(CorrectableField Field, string Label)> Fields { get; } =
        Enum.GetValues<CorrectableField>().Select(f => (f, CorrectableFields.Label(f))).ToList();

    public sealed class CorrectionInput
    {
        [Required(ErrorMessage = "Person.FieldRequired")]
        public CorrectableField? Field { get; set; }

        [StringLength(200, ErrorMessage = "Person.ValueLength")]
        public string? Value { get; set; }

        [Required(ErrorMessage = "Person.CorrectionReasonRequired"),
         StringLength(500, MinimumLength = 3, ErrorMessage = "Person.CorrectionReasonLength")]
        public string? Reason { get; set; }
    }

    public sealed class ErasureInput
    {
        [Required(ErrorMessage = "Person.EraseReasonRequired"),
         StringLength(AdminErasureOrder.MaxReasonLength, MinimumLength = 3, ErrorMessage = "Person.EraseReasonLength")]
        public string? Reason { get; set; }

        [Required(ErrorMessage = "Person.PositionRequired"),
         StringLength(200, MinimumLength = 2, ErrorMessage = "Person.PositionLength")]
        public string? Position { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Person.ConfirmRequired")]
        public bool Confirmed { get; set; }
    }
}
