namespace Sferum.Polls;

/// <summary>A poll's id from where and by whom it was made and the device's client id: retries land on the same poll.</summary>
public static class PollIds
{
    public static Guid For(Guid chatId, Guid authorId, string clientId) => Common.ClientIds.For("poll", chatId, authorId, clientId);
}
