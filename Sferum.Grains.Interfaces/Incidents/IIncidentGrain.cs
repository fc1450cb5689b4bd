namespace Sferum.Incidents;

/// <summary>
/// One personal-data incident, keyed by its id: its facts, the two deadlines to Roskomnadzor (24 and 72 hours from
/// detection by default), durable reminders to the responsible people (the school's admins, the person who
/// registered it, the platform's operators) until each notice is marked sent, and the drafts of both notices. For the
/// school's appointed admins and platform operators only.
/// </summary>
[Alias("Sferum.IIncidentGrain")]
public interface IIncidentGrain : IGrainWithGuidKey
{
    /// <summary>Registers the incident under this grain's id; registering the same id again returns it unchanged.</summary>
    [Alias("Register")]
    Task<IncidentView> RegisterAsync(Guid requesterUserId, IncidentDraft draft);

    [Alias("Get")]
    Task<IncidentView> GetAsync(Guid requesterUserId);

    /// <summary>Records what became known (facts, measures, causes, harm, findings, contact); the drafts follow.</summary>
    [Alias("Update")]
    Task<IncidentView> UpdateAsync(Guid requesterUserId, IncidentUpdate update);

    /// <summary>A signal looked at and found to be an incident (review → open).</summary>
    [Alias("Confirm")]
    Task<IncidentView> ConfirmAsync(Guid requesterUserId);

    /// <summary>Records when a notice was sent to Roskomnadzor; its reminders stop.</summary>
    [Alias("MarkNoticeSent")]
    Task<IncidentView> MarkNoticeSentAsync(Guid requesterUserId, IncidentNotice notice, DateTimeOffset sentAt);

    /// <summary>Dismisses (no incident after all) or closes the incident, with a note; every reminder stops.</summary>
    [Alias("Resolve")]
    Task<IncidentView> ResolveAsync(Guid requesterUserId, bool dismissed, string note);

    /// <summary>
    /// Takes over the deadlines of an incident already stored (the signal scanner inserts the incidents it opens):
    /// tells the responsible people and registers the reminder. Changes nothing else; calling it again is harmless.
    /// </summary>
    [Alias("Watch")]
    Task WatchAsync();
}
