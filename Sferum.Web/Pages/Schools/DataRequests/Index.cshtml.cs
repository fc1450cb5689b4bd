using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.DataRequests;
using Sferum.PersonalData;
using Sferum.Schools;
using Sferum.Web.Identity;
using Sferum.Web.PersonalData;

namespace Sferum.Web.Pages.Schools.DataRequests;

/// <summary>The admin's queue of formal data-subject requests: what is due, by when, overdue first; and the operator details the answers name.</summary>
[SchoolStaffOnly]
public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromQuery]
    public bool All { get; set; }

    public string SchoolName { get; private set; } = "";

    public DataRequestQueue Queue { get; private set; } = new(default, []);

    public OperatorDetails? Operator { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Operator = await cluster.GetGrain<ISchoolOperatorGrain>(SchoolId).GetAsync(User.GetUserId());
    }

    private IDataRequestsGrain Requests => cluster.GetGrain<IDataRequestsGrain>(SchoolId);

    private async Task LoadAsync()
    {
        Queue = await Requests.QueueAsync(User.GetUserId(), All);
        SchoolName = (await cluster.GetGrain<ISchoolGrain>(SchoolId).GetAsync())?.Name ?? "";
    }
}
