using Orleans.Concurrency;

namespace Sferum.Meetings;

/// <summary>
/// One video meeting, keyed by its id: the only owner of its Janus room (created, re-created after a Janus restart and
/// destroyed through the admin API), of who is inside, who waits in the lobby, who may publish, and of the attendance
/// record. Every right is decided here; the web node's signalling proxy asks before it passes anything to Janus.
/// </summary>
[Alias("Sferum.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithGuidKey
{
    /// <summary>Starts (or plans) the meeting in a chat and posts its card there. Only the chat's moderators host.</summary>
    [Alias("Create")]
    Task<MeetingView> CreateAsync(Guid hostId, MeetingDraft draft);

    /// <summary>The meeting as this person sees it; people who are not members of its chat are refused.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<MeetingView> GetAsync(Guid userId);

    /// <summary>Opens a planned meeting now (the host), or lets a member knock: in a parent meeting they wait in the lobby.</summary>
    [Alias("Enter")]
    Task<MeetingView> EnterAsync(Guid userId);

    /// <summary>
    /// What the signalling proxy adds to a request of this person, who must be admitted and inside a live meeting.
    /// With <paramref name="janusSession"/> the proxy also asks whether that Janus session is this person's own.
    /// </summary>
    [Alias("Grant")]
    Task<SignalGrant> GrantAsync(Guid userId, long? janusSession);

    /// <summary>The proxy opened a Janus session for this person: it is theirs, and is closed if they lose access.</summary>
    [Alias("BindSession")]
    Task BindSessionAsync(Guid userId, long janusSession);

    /// <summary>The host admits one person from the lobby, or everyone waiting when <paramref name="userId"/> is null.</summary>
    [Alias("Admit")]
    Task AdmitAsync(Guid hostId, Guid? userId);

    /// <summary>The host lets a person speak (publish camera and microphone) or stops them; stopping mutes them at once.</summary>
    [Alias("AllowPublish")]
    Task AllowPublishAsync(Guid hostId, Guid userId, bool allowed);

    /// <summary>The host stops everyone but the host from publishing (and mutes those who are).</summary>
    [Alias("LockPublishing")]
    Task LockPublishingAsync(Guid hostId, bool locked);

    /// <summary>A participant raises or lowers their hand.</summary>
    [Alias("RaiseHand")]
    Task RaiseHandAsync(Guid userId, bool raised);

    /// <summary>The host removes a participant: their Janus sessions are closed and they cannot come back to this meeting.</summary>
    [Alias("Remove")]
    Task RemoveAsync(Guid hostId, Guid userId);

    /// <summary>The host turns recording on or off; everyone inside sees «Идёт запись».</summary>
    [Alias("SetRecording")]
    Task SetRecordingAsync(Guid hostId, bool on);

    /// <summary>The host ends the meeting for everyone; the room is destroyed and a recording, if any, is processed.</summary>
    [Alias("End")]
    Task EndAsync(Guid hostId);

    /// <summary>
    /// The host of a webinar invites a named guest from another school: a personal link valid for
    /// <paramref name="validFor"/> (1 hour to 7 days). Returns the link's secret once; only its hash is kept.
    /// </summary>
    [Alias("InviteGuest")]
    Task<string> InviteGuestAsync(Guid hostId, string guestName, TimeSpan validFor);

    /// <summary>
    /// A signed-in person with a verified account follows a guest link: the link becomes theirs (nobody else can use it
    /// afterwards) and they wait in the lobby until the host admits them. They see the meeting and nothing of the school.
    /// </summary>
    [Alias("AcceptGuest")]
    Task<MeetingView> AcceptGuestAsync(Guid userId, string secret);

    /// <summary>
    /// The host of a lesson splits the people inside into breakout groups, each with its own room where its members may
    /// speak: by hand (<paramref name="groups"/>: user ids per group) or at random into <paramref name="count"/> groups.
    /// </summary>
    [Alias("OpenBreakouts")]
    Task OpenBreakoutsAsync(Guid hostId, IReadOnlyList<IReadOnlyList<Guid>>? groups, int count);

    /// <summary>The host drops in on a group (its index), or comes back to the main room (null).</summary>
    [Alias("VisitBreakout")]
    Task VisitBreakoutAsync(Guid hostId, int? group);

    /// <summary>The host's message to every group at once (shown on every page of the meeting).</summary>
    [Alias("NotifyBreakouts")]
    Task NotifyBreakoutsAsync(Guid hostId, string text);

    /// <summary>A member of a group calls the host to it.</summary>
    [Alias("CallHost")]
    Task CallHostAsync(Guid userId);

    /// <summary>The host brings everyone back to the main room; the groups' rooms are destroyed.</summary>
    [Alias("CloseBreakouts")]
    Task CloseBreakoutsAsync(Guid hostId);

    /// <summary>Every join and leave, for the host (during and after the meeting).</summary>
    [Alias("Attendance"), AlwaysInterleave]
    Task<IReadOnlyList<AttendanceEntry>> AttendanceAsync(Guid hostId);

    /// <summary>
    /// For the chat grain: true when this meeting was created in <paramref name="chatId"/> by <paramref name="hostId"/>,
    /// so that a message may be its card. Interleaves: the chat asks while this grain waits for the chat to post it.
    /// </summary>
    [Alias("IsPostable"), AlwaysInterleave]
    Task<bool> IsPostableAsync(Guid chatId, Guid hostId);

    /// <summary>The recording job finished (or gave up): called by <c>IRecordingGrain</c>.</summary>
    [Alias("RecordingDone")]
    Task RecordingDoneAsync(bool ok, string? problem);

    /// <summary>Personal-data erasure: true when the person was in this meeting (host, participant or guest).</summary>
    [Alias("HadPerson")]
    Task<bool> HadPersonAsync(Guid userId);

    /// <summary>
    /// Personal-data erasure (trusted host code): replaces the person's name, and each of <paramref name="names"/>
    /// wherever the meeting copied them (a parent's children, a guest's invited name), with «бывший участник» in the
    /// meeting's stored state.
    /// </summary>
    [Alias("ForgetPerson")]
    Task ForgetPersonAsync(Guid userId, IReadOnlyList<string> names);
}
