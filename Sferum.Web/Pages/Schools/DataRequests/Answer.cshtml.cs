using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.DataRequests;
using Sferum.Web.Identity;
using Sferum.Web.PersonalData;

namespace Sferum.Web.Pages.Schools.DataRequests;

/// <summary>The answer to an access request as a page that prints as a letter; each look is audited by the grain.</summary>
[SchoolStaffOnly]
public sealed class AnswerModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid SchoolId { get; set; }

    [FromRoute]
    public Guid RequestId { get; set; }

    public AccessAnswer Answer { get; private set; } = null!;

    public async Task OnGetAsync() =>
        Answer = await cluster.GetGrain<IDataRequestsGrain>(SchoolId).PrepareAccessAnswerAsync(User.GetUserId(), RequestId);
}
