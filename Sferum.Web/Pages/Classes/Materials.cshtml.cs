using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sferum.Common;
using Sferum.Files;
using Sferum.Materials;
using Sferum.Web.Chats;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Classes;

/// <summary>A class's library by subject and lesson date: members read and search, teachers publish and remove.</summary>
public sealed class MaterialsModel(IClusterClient cluster, IFileStore files, IOptions<FileStoreOptions> fileOptions, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid ClassId { get; set; }

    [FromQuery(Name = "subject")]
    public string? Subject { get; set; }

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public MaterialLibrary Library { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    [TempData]
    public string? Notice { get; set; }

    private IClassMaterialsGrain Grain => cluster.GetGrain<IClassMaterialsGrain>(ClassId);

    public async Task OnGetAsync()
    {
        Subject = string.IsNullOrWhiteSpace(Subject) ? null : Subject;
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query;
        try
        {
            Library = await Grain.ListAsync(User.GetUserId(), Subject, Query);
        }
        catch (DomainException ex) when (ex.Code == "material.query-too-long")
        {
            ModelState.AddModelError(string.Empty, ErrorText.Of(ex));
            Query = null;
            Library = await Grain.ListAsync(User.GetUserId(), Subject, null);
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(string? clientId, string? subject, string? title, DateOnly? lessonDate, IFormFile? file, string? url)
    {
        // Outsiders and readers are refused before their file is stored.
        if (!await Grain.CanPublishAsync(User.GetUserId()))
        {
            return Forbid();
        }

        Sferum.Chats.ChatAttachment? stored = null;
        // A form sent without choosing a file carries an empty file part: that is "no file", not an empty file.
        if (file is { Length: > 0 })
        {
            var (saved, problem) = await FileUploads.StoreAsync(file, files, fileOptions, HttpContext.RequestAborted);
            if (saved is null)
            {
                return await FailAsync(problem!.Message);
            }

            stored = saved;
        }

        if (lessonDate is null)
        {
            return await FailAsync(localizer["Materials.DateRequired"]);
        }

        try
        {
            var item = await Grain.PublishAsync(User.GetUserId(), new MaterialDraft(clientId ?? "", subject ?? "", title ?? "", lessonDate.Value, stored,
                string.IsNullOrWhiteSpace(url) ? null : url));
            Notice = localizer["Materials.Published", item.Title];
            return RedirectToPage(new { ClassId, subject = item.Subject });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            return await FailAsync(ErrorText.Of(ex));
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid materialId)
    {
        await Grain.RemoveAsync(User.GetUserId(), materialId);
        Notice = localizer["Materials.Removed"];
        return RedirectToPage(new { ClassId });
    }

    private async Task<IActionResult> FailAsync(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        await OnGetAsync();
        return Page();
    }
}
