using Orleans.Concurrency;
using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Chats;

/// <summary>
/// Searches with PostgreSQL's Russian full-text configuration, in exactly the chats where the user is a member now
/// (the user grain asks each chat), so a search never reaches a chat the user cannot read.
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

        var chatIds = await GrainFactory.GetGrain<IUserGrain>(userId).GetChatIdsAsync();
        return chatIds.Count == 0 ? [] : await store.SearchAsync(chatIds, query, 50);
    }
}
