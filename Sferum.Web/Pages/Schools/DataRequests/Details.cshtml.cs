using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Sferum.Common;
using Sferum.DataRequests;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.Localization;
using Sferum.Web.PersonalData;

namespace Sferum.Web.Pages.Schools.DataRequests;

/// <summary>One request: its deadlines, the one extension (with the notice to the requester), stopping unlawful processing, closing.</summary>
[SchoolStaffOnly]
public sealed class DetailsModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["request.reason-invalid"] = nameof(Reason),
        ["request.already-extended"] = nameof(Reason),
        ["request.overdue"] = nameof(Reason),
        ["request.outcome-invalid"] = nameof(Outcome),
    };

    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromRoute]
    public Guid RequestId { get; set; }

    public DataRequestView DataRequest { get; private set; } = null!;

    public string SchoolName { get; private set; } = "";

    /// <summary>Why the answer takes longer: sent to the requester in the notice of extension.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostExtendAsync() => RunAsync(async requests =>
    {
        var extended = await requests.ExtendAsync(User.GetUserId(), RequestId, Reason ?? "");
        Notice = localizer["Requests.ExtendedNotice", SchoolClock.Format(extended.DueOn)];
    });

    public Task<IActionResult> OnPostStopAsync() => RunAsync(async requests =>
    {
        var stopped = await requests.MarkStoppedAsync(User.GetUserId(), RequestId);
        Notice = localizer["Requests.StoppedNotice", SchoolClock.Format(stopped.DestroyDueOn ?? stopped.DueOn)];
    });

    public Task<IActionResult> OnPostCloseAsync() => RunAsync(async requests =>
    {
        await requests.CloseAsync(User.GetUserId(), RequestId, Outcome ?? "");
        Notice = localizer["Requests.ClosedNotice"];
    });

    private async Task<IActionResult> RunAsync(Func<IDataRequestsGrain, Task> action)
    {
        try
        {
            await action(cluster.GetGrain<IDataRequestsGrain>(SchoolId));
            return RedirectToPage(new { SchoolId, RequestId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden" && ex.Code != "request.unknown")
        {
            DomainErrors.AddTo(ModelState, ex, Fields);
            await LoadAsync();
            return Page();
        }
    }

    private async Task LoadAsync()
    {
        DataRequest = await cluster.GetGrain<IDataRequestsGrain>(SchoolId).GetAsync(User.GetUserId(), RequestId);
        SchoolName = (await cluster.GetGrain<ISchoolGrain>(SchoolId).GetAsync())?.Name ?? "";
    }
}
