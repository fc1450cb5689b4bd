using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Chats;

/// <summary>The files posted in a chat: learning materials, newest first, downloadable by members only.</summary>
public sealed class MaterialsModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid ChatId { get; set; }

    public ChatSummary Chat { get; private set; } = null!;

    public IReadOnlyList<ChatMaterial> Materials { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var chat = cluster.GetGrain<IChatGrain>(ChatId);
        Chat = await chat.GetSummaryAsync(User.GetUserId());
        Materials = await chat.MaterialsAsync(User.GetUserId());
    }
}
