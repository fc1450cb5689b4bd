using Sferum.Chats;
using Sferum.Identity;

namespace Sferum.Web.Chats;

/// <summary>The user's chat list: each of their chats summarised (title, unread count, last message), newest first.</summary>
public sealed class UserChats(IClusterClient cluster)
{
    public async Task<List<ChatSummary>> ListAsync(Guid userId)
    {
        var chatIds = await cluster.GetGrain<IUserGrain>(userId).GetChatIdsAsync();
        var summaries = await Task.WhenAll(chatIds.Select(id => cluster.GetGrain<IChatGrain>(id).GetSummaryAsync(userId)));
        return summaries.OrderByDescending(s => s.LastMessage?.At ?? DateTimeOffset.MinValue).ThenBy(s => s.Title, StringComparer.CurrentCulture).ToList();
    }
}
