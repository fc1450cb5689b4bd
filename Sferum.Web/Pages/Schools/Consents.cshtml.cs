using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Consents;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>
/// The school's consent register for its admins: who consented, for whom, to what, which text version, when accepted
/// and withdrawn, and the destruction a withdrawal scheduled; filtered and paged. Every read is in the audit log (the
/// grain writes it). Here the admins also give the school's legal name and address that consents name as operator.
/// </summary>
public sealed class ConsentsModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The operator's details as the form posts them.</summary>
    public sealed record OperatorForm(string? LegalName, string? Address);

    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromQuery]
    public string? Purpose { get; set; }

    /// <summary>"in-force", "withdrawn" or empty (both).</summary>
    [FromQuery]
    public string? State { get; set; }

    [FromQuery]
    public string? Name { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ConsentRegisterPage Register { get; private set; } = new([], 0, "Europe/Moscow");

    public OperatorForm Operator { get; private set; } = new(null, null);

    /// <summary>The operator form's refusal and the field it names ("LegalName", "Address").</summary>
    public (string Field, string Message)? OperatorError { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public int Pages => Math.Max(1, (Register.Total + PageSize - 1) / PageSize);

    /// <summary>The purposes to filter by: code and the resource key of the title.</summary>
    public static IReadOnlyList<(string Code, string Key)> Purposes { get; } =
    [
        (ConsentPurposes.ContactPhone, "Register.PurposePhone"),
        (ConsentPurposes.ProfilePhoto, "Register.PurposePhoto"),
    ];

    public async Task OnGetAsync() => await LoadAsync(null);

    public async Task<IActionResult> OnPostOperatorAsync(OperatorForm form)
    {
        try
        {
            await Grain().SetOperatorAsync(User.GetUserId(), new OperatorDetails(form.LegalName ?? "", form.Address ?? ""));
            Notice = localizer["Register.OperatorSaved"];
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (ex.Code.StartsWith("consent.operator-", StringComparison.Ordinal))
        {
            OperatorError = (ex.Code == "consent.operator-address-invalid" ? "Address" : "LegalName", ex.Message);
            await LoadAsync(form);
            return Page();
        }
    }

    public string PageLink(int page) =>
        $"?purpose={Uri.EscapeDataString(Purpose ?? "")}&state={Uri.EscapeDataString(State ?? "")}&name={Uri.EscapeDataString(Name ?? "")}&page={page}";

    private ISchoolConsentsGrain Grain() => cluster.GetGrain<ISchoolConsentsGrain>(SchoolId);

    private async Task LoadAsync(OperatorForm? posted)
    {
        // The register first: it is what refuses anyone but the school's admins.
        Register = await Grain().GetRegisterAsync(User.GetUserId(), new ConsentRegisterQuery(
            string.IsNullOrWhiteSpace(Purpose) ? null : Purpose,
            State switch { "in-force" => true, "withdrawn" => false, _ => null },
            Name,
            Math.Max(PageNumber, 1),
            PageSize));
        var current = await Grain().GetOperatorAsync();
        Operator = posted ?? new OperatorForm(current?.LegalName, current?.Address);
    }
}
