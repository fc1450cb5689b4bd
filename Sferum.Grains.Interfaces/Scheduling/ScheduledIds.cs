namespace Sferum.Scheduling;

/// <summary>A scheduled message's id from its chat, author and the device's client id: a retried request lands on the same one.</summary>
public static class ScheduledIds
{
    public static Guid For(Guid chatId, Guid authorId, string clientId) => Common.ClientIds.For("scheduled", chatId, authorId, clientId);
}
