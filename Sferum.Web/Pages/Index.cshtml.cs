using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Classes;
using Sferum.Identity;
using Sferum.Schools;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages;

public sealed class IndexModel(IClusterClient cluster) : PageModel
{
    public IReadOnlyList<SchoolSummary> AdministeredSchools { get; private set; } = [];

    public IReadOnlyList<ClassDetails> Classes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var userId = User.GetUserId();
        var user = cluster.GetGrain<IUserGrain>(userId);
        AdministeredSchools = await user.GetAdministeredSchoolsAsync();
        var classIds = await user.GetClassIdsAsync();
        var classes = await Task.WhenAll(classIds.Select(id => cluster.GetGrain<IClassGrain>(id).GetAsync(userId)));
        Classes = classes.OrderBy(c => c.Grade).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
