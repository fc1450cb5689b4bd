using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Consents;
using Sferum.Web.Consents;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Profile;

/// <summary>
/// The person's consents, in every school they are in, for themselves and each linked child: what is held on which
/// basis, the texts to accept, the consents given and their withdrawal. The school's consents grain decides each.
/// </summary>
public sealed class ConsentsModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>A consent form as posted: for whom, which text (version and the hash of the text shown), the phone, the tick.</summary>
    public sealed record ConsentForm(Guid SchoolId, string SubjectKey, string Purpose, int Version, string DocumentSha256, string? Phone, bool Accepted);

    /// <summary>A form the grain refused, with the field its message is about (null: the form as a whole).</summary>
    public sealed record Refusal(ConsentForm Form, string? Field, string Message);

    public IReadOnlyList<ConsentOverview> Schools { get; private set; } = [];

    public Refusal? Refused { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostGiveAsync(ConsentForm form)
    {
        try
        {
            var given = await Grain(form.SchoolId).GiveAsync(User.GetUserId(), new ConsentGrant(form.SubjectKey ?? "", form.Purpose ?? "", form.Version,
                form.DocumentSha256 ?? "", form.Phone, form.Accepted));
            Notice = localizer["MyConsents.Accepted", given.Title, given.SubjectName];
            return RedirectToPage();
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && !ex.Code.EndsWith(".unknown", StringComparison.Ordinal))
        {
            Refused = new Refusal(form, ex.Code switch
            {
                "consent.phone-invalid" => "phone",
                "consent.not-accepted" => "accepted",
                _ => null,
            }, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid schoolId, Guid consentId)
    {
        try
        {
            Notice = ConsentText.Withdrawn(await Grain(schoolId).WithdrawAsync(User.GetUserId(), consentId));
            return RedirectToPage();
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && !ex.Code.EndsWith(".unknown", StringComparison.Ordinal))
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await LoadAsync();
            return Page();
        }
    }

    /// <summary>The refusal for this form and field, if it is the one that was posted.</summary>
    public string? ErrorFor(Guid schoolId, string subjectKey, string purpose, string? field) =>
        Refused is { } r && r.Form.SchoolId == schoolId && r.Form.SubjectKey == subjectKey && r.Form.Purpose == purpose && r.Field == field
            ? r.Message
            : null;

    /// <summary>What the form showed: the posted phone after a refusal, else the suggested one.</summary>
    public string? PhoneFor(Guid schoolId, string subjectKey, ConsentOffer offer) =>
        Refused is { } r && r.Form.SchoolId == schoolId && r.Form.SubjectKey == subjectKey && r.Form.Purpose == offer.Purpose
            ? r.Form.Phone
            : offer.SuggestedPhone;

    private ISchoolConsentsGrain Grain(Guid schoolId) => cluster.GetGrain<ISchoolConsentsGrain>(schoolId);

    private async Task LoadAsync() => Schools = await cluster.GetGrain<IPersonConsentsGrain>(User.GetUserId()).GetAsync();
}
