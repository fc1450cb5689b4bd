using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Chats;

/// <summary>The files posted in a chat: learning materials, newest first, downloadable by members only.</summary>
public sealed class MaterialsModel(IClusterClient cluster) : PageModel
{
    [FromRoute]
    public Guid ChatId { get; set; }

    public ChatSummary Chat { get; private set; } = null!;

    /// <summary>The chat's school's clock.</summary>
    public SchoolClock Clock { get; private set; } = SchoolClock.Fallback;

    public IReadOnlyList<ChatMaterial> Materials { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var chat = cluster.GetGrain<IChatGrain>(ChatId);
        Chat = await chat.GetSummaryAsync(User.GetUserId());
        Materials = await chat.MaterialsAsync(User.GetUserId());
        Clock = await SchoolClocks.ForSchoolAsync(cluster, (await chat.GetAccessAsync(User.GetUserId())).SchoolId);
    }
}
