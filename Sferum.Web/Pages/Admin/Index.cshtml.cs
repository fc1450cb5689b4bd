using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Schools;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Admin;

/// <summary>The platform operators' page: all schools, and a form to create one.</summary>
public sealed class IndexModel(IClusterClient cluster) : PageModel
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
                ModelState.AddModelError(string.Empty, ex.Message);
            }
        }

        await OnGetAsync();
        return Page();
    }

    public sealed class SchoolInput
    {
        [Required(ErrorMessage = "Укажите название школы."), StringLength(200)]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Укажите регион."), StringLength(200)]
        public string? Region { get; set; }

        [Required(ErrorMessage = "Укажите часовой пояс.")]
        public string? TimeZone { get; set; } = "Europe/Moscow";
    }
}
