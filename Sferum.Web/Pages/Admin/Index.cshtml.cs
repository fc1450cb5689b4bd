using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Schools;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Admin;

public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<SchoolSummary> Schools { get; private set; } = [];

    // The folder's policy admits platform operators; the directory grain checks the same again.
    public async Task OnGetAsync() =>
        Schools = await cluster.GetGrain<ISchoolDirectoryGrain>(0).ListAsync(User.GetUserId());
}
