namespace Sferum.Meetings;

/// <summary>A meeting's id from its chat, its host and the device's client id: a retried "start" lands on the same meeting.</summary>
public static class MeetingIds
{
    public static Guid For(Guid chatId, Guid hostId, string clientId) => Common.ClientIds.For("meeting", chatId, hostId, clientId);
}
