namespace Sferum.Announcements;

/// <summary>
/// The confirmations of one announcement: a message that its author (a teacher of the chat or a school admin) marked
/// as requiring acknowledgement (<c>SendMessage.RequiresAck</c>, which the chat grain allows only to them). Keyed by
/// <see cref="AnnouncementKeys.For"/> (chat and message).
/// </summary>
[Alias("Sferum.IAnnouncementGrain")]
public interface IAnnouncementGrain : IGrainWithStringKey
{
    /// <summary>One tap: the member confirms. Again changes nothing. Refused for the author and for non-members.</summary>
    [Alias("Acknowledge")]
    Task AcknowledgeAsync(Guid userId);

    /// <summary>True when the user has confirmed (members only).</summary>
    [Alias("IsAcknowledged")]
    Task<bool> IsAcknowledgedAsync(Guid userId);

    /// <summary>Who confirmed and who has not, for the author and the chat's teachers.</summary>
    [Alias("Report")]
    Task<AnnouncementReport> ReportAsync(Guid userId);

    /// <summary>Writes to each person who has not confirmed (for a pupil in a parents' chat: to each parent), directly.</summary>
    [Alias("Remind")]
    Task<AnnouncementReminder> RemindAsync(Guid userId);
}

public static class AnnouncementKeys
{
    public static string For(Guid chatId, long seq) => $"{chatId:N}/{seq}";
}
