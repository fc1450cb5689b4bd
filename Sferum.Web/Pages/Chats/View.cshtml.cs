using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Chats;

/// <summary>One chat. The page is a shell: messages come over SignalR (history, live events, catch-up).</summary>
public sealed class ViewModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid ChatId { get; set; }

    public ChatSummary Chat { get; private set; } = null!;

    public Guid UserId { get; private set; }

    public async Task OnGetAsync()
    {
        UserId = User.GetUserId();
        Chat = await cluster.GetGrain<IChatGrain>(ChatId).GetSummaryAsync(UserId);
    }
}
