namespace Sferum.DataRequests;

/// <summary>
/// A school's register of formal data-subject requests, keyed by the school: what letters arrived, what they ask,
/// by when each must be done (working days of the configured calendar), and the answer to an access request. For the
/// school's appointed admins only — not platform operators, not other schools' admins. Everything is audited with the
/// person the request is about.
/// </summary>
[Alias("Sferum.IDataRequestsGrain")]
public interface IDataRequestsGrain : IGrainWithGuidKey
{
    /// <summary>People of the school (roster entries, people in a class by invitation) whose name contains the text.</summary>
    [Alias("FindPeople")]
    Task<IReadOnlyList<PersonCandidate>> FindPeopleAsync(Guid requesterUserId, string query);

    /// <summary>One person by key, with the parents linked to them who may write on their behalf.</summary>
    [Alias("GetPerson")]
    Task<PersonChoice> GetPersonAsync(Guid requesterUserId, string personKey);

    /// <summary>Registers a request and computes its due date; the same <see cref="DataRequestDraft.RequestId"/> again returns it unchanged.</summary>
    [Alias("Register")]
    Task<DataRequestView> RegisterAsync(Guid requesterUserId, DataRequestDraft draft);

    /// <summary>The queue: open requests by due date, then (when asked) the closed ones.</summary>
    [Alias("Queue")]
    Task<DataRequestQueue> QueueAsync(Guid requesterUserId, bool includeClosed);

    [Alias("Get")]
    Task<DataRequestView> GetAsync(Guid requesterUserId, Guid requestId);

    /// <summary>
    /// Extends an open access request once, before it is due, by the configured working days; the reason is what the
    /// requester is told in the notice of extension.
    /// </summary>
    [Alias("Extend")]
    Task<DataRequestView> ExtendAsync(Guid requesterUserId, Guid requestId, string reason);

    /// <summary>Unlawful processing: records that the processing was stopped (today); destruction stays due.</summary>
    [Alias("MarkStopped")]
    Task<DataRequestView> MarkStoppedAsync(Guid requesterUserId, Guid requestId);

    /// <summary>Closes a request with what was done (answered, corrected, destroyed, refused with the reason).</summary>
    [Alias("Close")]
    Task<DataRequestView> CloseAsync(Guid requesterUserId, Guid requestId, string outcome);

    /// <summary>The answer to an access request, from what Sferum holds about the person now; audited as a read of their data.</summary>
    [Alias("PrepareAccessAnswer")]
    Task<AccessAnswer> PrepareAccessAnswerAsync(Guid requesterUserId, Guid requestId);
}
