using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Chats;

/// <summary>A school admin's safety reading of any chat of the school; the chat grain audits every page read.</summary>
public sealed class ReviewModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid ChatId { get; set; }

    [FromQuery]
    public long? Before { get; set; }

    /// <summary>From a report: show the page that ends just after the reported message.</summary>
    [FromQuery]
    public long? Around { get; set; }

    public ChatPage Messages { get; private set; } = null!;

    /// <summary>The reviewer's school's clock: the reviewer is an admin of the chat's school, who need not be in the chat.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    public async Task OnGetAsync()
    {
        Messages = await cluster.GetGrain<IChatGrain>(ChatId).ReviewAsync(User.GetUserId(), Before ?? (Around + 10), 50);
        Clock = await SchoolClocks.ForPersonAsync(cluster, User.GetUserId());
    }
}
