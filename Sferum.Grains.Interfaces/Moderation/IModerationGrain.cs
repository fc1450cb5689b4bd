namespace Sferum.Moderation;

/// <summary>
/// Reports on messages in one school's chats (keyed by the school id): any member reports a message they can see;
/// the chat's moderators (teachers of the class, community leaders) and the school's admins review reports and act.
/// The chat's grain carries out the action and checks the moderator's rights again; everything is audited.
/// </summary>
[Alias("Sferum.IModerationGrain")]
public interface IModerationGrain : IGrainWithGuidKey
{
    /// <summary>Reports a message; reporting it again returns the same report.</summary>
    [Alias("Report")]
    Task<Guid> ReportAsync(Guid userId, Guid chatId, long seq, ReportReason reason, string? comment);

    /// <summary>The reports the user may act on, newest first (all of the school's for an admin). Staff and admins only.</summary>
    [Alias("Reports")]
    Task<IReadOnlyList<MessageReport>> ReportsAsync(Guid userId, bool includeResolved);

    /// <summary>Acts on a report (and closes every open report of the same message).</summary>
    [Alias("Act")]
    Task<MessageReport> ActAsync(Guid userId, Guid reportId, ReportAction action, int muteHours = 0);
}
