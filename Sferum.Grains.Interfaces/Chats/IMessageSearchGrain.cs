using Orleans.Concurrency;

namespace Sferum.Chats;

/// <summary>Full-text search over the messages of the chats a user belongs to (and only those).</summary>
[Alias("Sferum.IMessageSearchGrain")]
public interface IMessageSearchGrain : IGrainWithIntegerKey
{
    [Alias("Search")]
    Task<IReadOnlyList<ChatMessage>> SearchAsync(Guid userId, string query);
}
