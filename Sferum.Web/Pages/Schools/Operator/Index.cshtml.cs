using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.PersonalData;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools.Operator;

/// <summary>
/// The one page where a school's admins give the school's details as operator of personal data: consents, answers to
/// requests and acts of destruction all name what is saved here. The grain validates; a refusal is shown at its field.
/// </summary>
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Which field a refusal of the grain is about, by its code.</summary>
    private static readonly Dictionary<string, string> FieldOfCode = new()
    {
        ["consent.operator-name-invalid"] = nameof(OperatorInput.LegalName),
        ["consent.operator-address-invalid"] = nameof(OperatorInput.Address),
        ["operator.responsible-invalid"] = nameof(OperatorInput.ResponsibleName),
        ["operator.position-invalid"] = nameof(OperatorInput.ResponsiblePosition),
        ["operator.details-too-long"] = nameof(OperatorInput.Processors),
    };

    [FromRoute]
    public Guid SchoolId { get; set; }

    [BindProperty]
    public OperatorInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    private ISchoolOperatorGrain Grain => cluster.GetGrain<ISchoolOperatorGrain>(SchoolId);

    public async Task OnGetAsync()
    {
        var d = await Grain.GetAsync(User.GetUserId());
        Input = new OperatorInput
        {
            LegalName = d?.LegalName, Address = d?.Address, ResponsibleName = d?.ResponsibleName, ResponsiblePosition = d?.ResponsiblePosition,
            Processors = d?.Processors, Retention = d?.Retention,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await Grain.SetAsync(User.GetUserId(), new OperatorDetails(Input.LegalName ?? "", Input.Address ?? "", Input.ResponsibleName ?? "",
                Input.ResponsiblePosition ?? "", Input.Processors ?? "", Input.Retention ?? ""));
            Notice = localizer["Operator.Saved"];
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (FieldOfCode.TryGetValue(ex.Code, out var field))
        {
            ModelState.AddModelError($"{nameof(Input)}.{field}", ex.Message);
            return Page();
        }
    }

    public sealed class OperatorInput
    {
        public string? LegalName { get; set; }

        public string? Address { get; set; }

        public string? ResponsibleName { get; set; }

        public string? ResponsiblePosition { get; set; }

        public string? Processors { get; set; }

        public string? Retention { get; set; }
    }
}
