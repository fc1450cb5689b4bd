using Sferum.Chats;
using Sferum.Classes;
using Sferum.Identity;

namespace Sferum.Web.Chats;

/// <summary>The chats a user is in, found through the user's classes (each class has a class and a parents' chat).</summary>
public sealed class UserChats(IClusterClient cluster)
{
    public async Task<List<ChatSummary>> ListAsync(Guid userId)
    {
        var classIds = await cluster.GetGrain<IUserGrain>(userId).GetClassIdsAsync();
        var classes = await Task.WhenAll(classIds.Select(id => cluster.GetGrain<IClassGrain>(id).GetAsync(userId)));
        var listed = (await cluster.GetGrain<IUserGrain>(userId).GetListedChatIdsAsync()).ToList();
        foreach (var schoolId in classes.Select(c => c.SchoolId).Distinct())
        {
            listed.Add(await cluster.GetGrain<ISchoolChatsGrain>(schoolId).GetChannelAsync(userId));
        }

        var summaries = new List<ChatSummary>();
        foreach (var chatId in classes.SelectMany(c => new[] { c.ClassChatId, c.ParentsChatId }).Concat(listed).Distinct())
        {
            var chat = cluster.GetGrain<IChatGrain>(chatId);
            if (await chat.IsMemberAsync(userId))
            {
                summaries.Add(await chat.GetSummaryAsync(userId));
            }
        }

        return summaries.OrderByDescending(s => s.LastMessage?.At ?? DateTimeOffset.MinValue).ThenBy(s => s.Title, StringComparer.CurrentCulture).ToList();
    }
}
