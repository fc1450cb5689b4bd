using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Common;
using Sferum.Incidents;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Admin;

/// <summary>Every school's unresolved personal-data incidents, by the first deadline, for the platform's operators.</summary>
public sealed class IncidentsModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<IncidentSummary> Incidents { get; private set; } = [];

    public async Task OnGetAsync() => Incidents = await cluster.GetGrain<IIncidentListGrain>(0).UnresolvedAsync(User.GetUserId());

    // Operators work across time zones: the list reads platform time (Moscow, the clock's fallback), each school's page its own.
    public static SchoolClock Platform => SchoolClock.Fallback;
}
