using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Web.Chats;
using Sferum.Web.Identity;
using Sferum.Web.Localization;

namespace Sferum.Web.Pages.Chats;

/// <summary>The user's chats with unread counts, newest activity first, and search across them.</summary>
public sealed class IndexModel(UserChats userChats, IClusterClient cluster) : PageModel
{
    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<ChatSummary> Chats { get; private set; } = [];

    public IReadOnlyList<ChatMessage>? Found { get; private set; }

    public string? SearchError { get; private set; }

    public async Task OnGetAsync()
    {
        Chats = await userChats.ListAsync(User.GetUserId());
        if (!string.IsNullOrWhiteSpace(Query))
        {
            try
            {
                Found = await cluster.GetGrain<IMessageSearchGrain>(0).SearchAsync(User.GetUserId(), Query);
            }
            catch (DomainException ex) when (ex.Code != "forbidden")
            {
                SearchError = ErrorText.Of(ex);
            }
        }
    }

    public string TitleOf(Guid chatId) => Chats.FirstOrDefault(c => c.ChatId == chatId)?.Title ?? "";
}
