using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.Rosters;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Schools.Imports;

/// <summary>Upload of journal exports: any mix of CSV, XLSX and OneRoster zip files; the format is detected.</summary>
public sealed class NewModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    public string SchoolName { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files)
    {
        await LoadAsync();
        if (files.Count == 0)
        {
            ModelState.AddModelError(string.Empty, localizer["Import.NoFiles"]);
            return Page();
        }

        var uploads = new List<ImportFile>();
        foreach (var file in files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            uploads.Add(new ImportFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }

        try
        {
            var report = await cluster.GetGrain<IRosterImportGrain>(SchoolId).PreviewAsync(ImportRequester.User(User.GetUserId()), uploads);
            return RedirectToPage("Details", new { SchoolId, report.ImportId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            return Page();
        }
    }

    // Only the school's admins get this far: the overview call is refused to anyone else.
    private async Task LoadAsync() =>
        SchoolName = (await cluster.GetGrain<ISchoolGrain>(SchoolId).GetOverviewAsync(User.GetUserId())).School.Name;
}
