using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Digest;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools;

/// <summary>«Сводка на почту»: the school's default for its parents and whether letters may quote messages; its admins only.</summary>
public sealed class DigestModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [BindProperty]
    public bool ParentsOn { get; set; }

    [BindProperty]
    public int ParentsHour { get; set; } = SchoolDigestPolicy.Default.ParentsHour;

    [BindProperty]
    public bool IncludeText { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        var policy = await Grain().GetAsync(User.GetUserId());
        (ParentsOn, ParentsHour, IncludeText) = (policy.ParentsOn, policy.ParentsHour, policy.IncludeText);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await Grain().SetAsync(User.GetUserId(), new SchoolDigestPolicy(ParentsOn, ParentsHour, IncludeText));
            Notice = "Настройки сводки сохранены.";
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(nameof(ParentsHour), ErrorText.Of(ex));
            return Page();
        }
    }

    private ISchoolDigestPolicyGrain Grain() => cluster.GetGrain<ISchoolDigestPolicyGrain>(SchoolId);
}
