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

/// <summary>The admin's queue of formal data-subject requests: what is due, by when, overdue first; and the school's details for the answers.</summary>
[SchoolStaffOnly]
public sealed class IndexModel(IClusterClient cluster, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromQuery]
    public bool All { get; set; }

    public string SchoolName { get; private set; } = "";

    public DataRequestQueue Queue { get; private set; } = new(default, []);

    [BindProperty]
    public OperatorInput Operator { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var details = await Requests.GetOperatorDetailsAsync(User.GetUserId());
        Operator = new OperatorInput { Address = details.Address, Responsible = details.Responsible, Processors = details.Processors, Retention = details.Retention };
    }

    public async Task<IActionResult> OnPostOperatorAsync()
    {
        try
        {
            await Requests.SetOperatorDetailsAsync(User.GetUserId(), new OperatorDetails(Operator.Address ?? "", Operator.Responsible ?? "",
                Operator.Processors ?? "", Operator.Retention ?? ""));
            Notice = localizer["Requests.OperatorSaved"];
            return RedirectToPage(new { SchoolId });
        }
        catch (DomainException ex) when (ex.Code != "forbidden")
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            await LoadAsync();
            return Page();
        }
    }

    private IDataRequestsGrain Requests => cluster.GetGrain<IDataRequestsGrain>(SchoolId);

    private async Task LoadAsync()
    {
        Queue = await Requests.QueueAsync(User.GetUserId(), All);
        SchoolName = (await cluster.GetGrain<ISchoolGrain>(SchoolId).GetAsync())?.Name ?? "";
    }

    public sealed class OperatorInput
    {
        public string? Address { get; set; }

        public string? Responsible { get; set; }

        public string? Processors { get; set; }

        public string? Retention { get; set; }
    }
}
