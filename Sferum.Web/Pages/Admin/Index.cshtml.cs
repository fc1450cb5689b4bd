using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Admin;

/// <summary>The platform operators' page: all schools, and a form to create one.</summary>
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<SchoolSummary> Schools { get; private set; } = [];

    [BindProperty]
    public SchoolInput NewSchool { get; set; } = new();

    // The folder's policy admits platform operators; the directory grain checks the same again.
    public async Task OnGetAsync() =>
        Schools = await cluster.GetGrain<ISchoolDirectoryGrain>(0).ListAsync(User.GetUserId());

    public async Task<IActionResult> OnPostAsync()
    {
        if (ModelState.IsValid)
        {
            try
            {
                var school = await cluster.GetGrain<ISchoolDirectoryGrain>(0).CreateSchoolAsync(User.GetUserId(),
                    new SchoolDraft(NewSchool.Name!, NewSchool.Region!, NewSchool.TimeZone!));
                return Redirect($"/Schools/{school.SchoolId}");
            }
            catch (DomainException ex) when (ex.Code != "forbidden")
            {
                ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            }
        }

        await OnGetAsync();
        return Page();
    }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>Blocks or unblocks the account verified with this SNILS; its sessions end at once.</summary>
    public async Task<IActionResult> OnPostAccountAsync(string? snils, bool disabled)
    {
        try
        {
            var me = User.GetUserId();
            var userId = await cluster.GetGrain<Sferum.Identity.IUserLookupGrain>(0).FindBySnilsAsync(me, snils ?? "")
                ?? throw DomainException.Localized("identity.unknown", localizer["Admin.UnknownSnils"]);
            await cluster.GetGrain<Sferum.Identity.IUserGrain>(userId).SetDisabledAsync(me, disabled);
            Notice = disabled ? localizer["Admin.Disabled"] : localizer["Admin.Enabled"];
            return RedirectToPage();
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            // The school form is bound on every post: its empty fields are not this form's errors.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            await OnGetAsync();
            return Page();
        }
    }

    public sealed class SchoolInput
    {
        [Required(ErrorMessage = "Admin.NameRequired"), StringLength(200)]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Admin.RegionRequired"), StringLength(200)]
        public string? Region { get; set; }

        [Required(ErrorMessage = "Admin.TimeZoneRequired")]
        public string? TimeZone { get; set; } = "Europe/Moscow";
    }
}
