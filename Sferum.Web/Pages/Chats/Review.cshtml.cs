using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Web.Identity;

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

    public async Task OnGetAsync() =>
        Messages = await cluster.GetGrain<IChatGrain>(ChatId).ReviewAsync(User.GetUserId(), Before ?? (Around + 10), 50);
}
