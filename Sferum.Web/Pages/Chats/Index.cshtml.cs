using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Web.Chats;
using Sferum.Web.Identity;

namespace Sferum.Web.Pages.Chats;

/// <summary>The user's chats with unread counts, newest activity first.</summary>
public sealed class IndexModel(UserChats userChats) : PageModel
{
    public IReadOnlyList<ChatSummary> Chats { get; private set; } = [];

    public async Task OnGetAsync() => Chats = await userChats.ListAsync(User.GetUserId());
}
