using Orleans.Concurrency;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Chats;

/// <summary>
/// Searches with PostgreSQL's Russian full-text configuration, in exactly the chats where the user is a member now
/// (asked of each chat grain), so a search never reaches a chat the user cannot read.
/// </summary>
[StatelessWorker]
public sealed class MessageSearchGrain(ChatStore store) : Grain, IMessageSearchGrain
{
    public async Task<IReadOnlyList<ChatMessage>> SearchAsync(Guid userId, string query)
    {
        query = query?.Trim() ?? "";
        if (query.Length is < 2 or > 200)
        {
            throw new DomainException("search.query-invalid", "Введите от 2 до 200 символов для поиска.");
        }

        var chatIds = new List<Guid>();
        foreach (var classId in await GrainFactory.GetGrain<IUserGrain>(userId).GetClassIdsAsync())
        {
            var details = await GrainFactory.GetGrain<IClassGrain>(classId).GetAsync(userId);
            foreach (var chatId in new[] { details.ClassChatId, details.ParentsChatId })
            {
                if (await GrainFactory.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
                {
                    chatIds.Add(chatId);
                }
            }
        }

        foreach (var chatId in await GrainFactory.GetGrain<IUserGrain>(userId).GetListedChatIdsAsync())
        {
            if (await GrainFactory.GetGrain<IChatGrain>(chatId).IsMemberAsync(userId))
            {
                chatIds.Add(chatId);
            }
        }

        return chatIds.Count == 0 ? [] : await store.SearchAsync(chatIds, query, 50);
    }
}
