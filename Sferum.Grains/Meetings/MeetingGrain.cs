using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Platform;
using Sferum.Identity;

namespace Sferum.Meetings;

/// <summary>
/// One meeting. Not reentrant: admissions, removals and the room's reconciliation (MeetingGrain.Room.cs) never race.
/// Membership is asked of the chat at every grant and every reconciliation, so a pupil the journal moved out of the
/// class loses the meeting within <see cref="VideoOptions.ReconcileSeconds"/>.
/// </summary>
public sealed partial class MeetingGrain(
    [PersistentState("state", GrainStorage.Default)] IPersistentState<MeetingRecord> state,
    JanusAdmin janus,
    IOptions<VideoOptions> options,
    TimeProvider clock,
    ILogger<MeetingGrain> logger) : Grain, IMeetingGrain, IRemindable, Audit.ISchoolScoped
{
    private MeetingRecord M => state.State;

    public Guid? AuditSchoolId => state.RecordExists ? M.SchoolId : null;

    private Guid MeetingId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && M.State == MeetingState.Live)
        {
            StartReconciling();
        }

        return Task.CompletedTask;
    }

    public async Task<MeetingView> CreateAsync(Guid hostId, MeetingDraft draft)
    {
        if (!options.Value.Enabled)
        {
            throw new DomainException("meeting.video-off", "Видеовстречи на этом сервере не настроены.");
        }

        var chat = GrainFactory.GetGrain<IChatGrain>(draft.ChatId);
        var access = await chat.GetAccessAsync(hostId);
        if (!access.CanModerate)
        {
            throw DomainException.Forbidden("meeting.forbidden-start", "Начать встречу в этом чате могут его учителя и ведущие.");
        }

        draft = MeetingRules.Validate(draft, access.Kind, clock.GetUtcNow());
        if (!state.RecordExists)
        {
            var host = await GrainFactory.GetGrain<IUserGrain>(hostId).GetProfileAsync();
            state.State = new MeetingRecord
            {
                ChatId = draft.ChatId, SchoolId = access.SchoolId, Kind = draft.Kind, Title = draft.Title, HostId = hostId,
                HostName = host?.Name.DisplayName ?? "Организатор", State = MeetingState.Scheduled, StartsAt = draft.StartsAt,
                RoomId = Secret(16), RoomSecret = Secret(16), Pin = Secret(16), Recording = draft.Record,
            };
            Person(hostId, M.HostName).Admitted = true;
            await state.WriteStateAsync();
        }
        else if (M.ChatId != draft.ChatId || M.HostId != hostId)
        {
            throw new DomainException("meeting.client-id-invalid", "Нет идентификатора встречи от приложения.");
        }

        if (!M.Created)
        {
            // A retry after a lost answer posts again with the same client id: the chat returns the card it stored.
            var text = M.StartsAt is { } at
                ? $"{MeetingKinds.Planned(M.Kind)} «{M.Title}» на {await SchoolTimeAsync(at)}"
                : $"{MeetingKinds.Describe(M.Kind)} «{M.Title}» начинается";
            await chat.SendAsync(hostId, new SendMessage($"meeting-{MeetingId:N}", text, null, MeetingId: MeetingId));
            M.Created = true;
            await state.WriteStateAsync();
            if (M.StartsAt is { } startsAt)
            {
                await ScheduleRemindersAsync(startsAt);
            }
        }

        if (M.StartsAt is null && M.State == MeetingState.Scheduled)
        {
            await GoLiveAsync();
        }

        return await ViewAsync(hostId);
    }

    /// <summary>The planned time as the school's people read it: in the school's own time zone.</summary>
    private async Task<string> SchoolTimeAsync(DateTimeOffset at)
    {
        var school = await GrainFactory.GetGrain<Schools.ISchoolGrain>(M.SchoolId).GetAsync();
        return Common.SchoolClock.For(school?.TimeZone).Format(at, "d MMMM yyyy, HH:mm");
    }

    public Task<bool> IsPostableAsync(Guid chatId, Guid hostId) =>
        Task.FromResult(state.RecordExists && M.ChatId == chatId && M.HostId == hostId);

    public async Task<MeetingView> GetAsync(Guid userId)
    {
        await RequireMemberAsync(userId);
        return await ViewAsync(userId);
    }

    public async Task<MeetingView> EnterAsync(Guid userId)
    {
        await RequireMemberAsync(userId);
        if (M.State == MeetingState.Ended)
        {
            throw new DomainException("meeting.ended", "Встреча уже закончилась.");
        }

        if (M.State == MeetingState.Scheduled)
        {
            if (userId != M.HostId)
            {
                throw new DomainException("meeting.not-started", "Встреча ещё не началась: организатор её пока не открыл.");
            }

            await GoLiveAsync();
        }

        if (!M.People.TryGetValue(userId, out var person))
        {
            person = Person(userId, await NameAsync(userId));
            person.Admitted = !MeetingRules.HasLobby(M.Kind);
            person.InLobby = !person.Admitted;
            person.MayPublish = MeetingRules.SpeaksByDefault(M.Kind) && !M.PublishingLocked;
            if (person.InLobby)
            {
                person.ChildNames = await ChildNamesAsync(userId);
            }

            await state.WriteStateAsync();
        }
        else if (person is { Admitted: false, InLobby: false, Removed: false, GuestOf: null } && userId != M.HostId)
        {
            // Cut off when they left the chat, and a member again now (the journal moved them back): in as anyone is.
            person.Admitted = !MeetingRules.HasLobby(M.Kind);
            person.InLobby = !person.Admitted;
            await state.WriteStateAsync();
        }

        return await ViewAsync(userId);
    }

    public async Task<SignalGrant> GrantAsync(Guid userId, long? janusSession)
    {
        var person = await RequireInsideAsync(userId);
        if (janusSession is { } session && !person.Sessions.Contains(session))
        {
            throw DomainException.Forbidden("meeting.forbidden-connection", "Это не ваше подключение к видеосерверу.");
        }

        var host = userId == M.HostId;
        var (room, pin, group) = RoomOf(userId);
        // In a breakout group everyone may speak: that is what the group is for.
        var speaks = host || group is not null || (person.MayPublish && !M.PublishingLocked);
        return new SignalGrant(room, pin, person.ParticipantId, person.ScreenParticipantId, person.Name, speaks, speaks);
    }

    public async Task BindSessionAsync(Guid userId, long janusSession)
    {
        var person = await RequireInsideAsync(userId);
        if (!person.Sessions.Contains(janusSession))
        {
            // One connection per person: a reload or a second tab replaces the one before, which would otherwise hold
            // this person's participant id in the room (Janus refuses a second one) until Janus timed it out.
            foreach (var old in person.Sessions)
            {
                await janus.DestroySessionAsync(old, CancellationToken.None);
            }

            person.Sessions.Clear();
            person.Sessions.Add(janusSession);
            await state.WriteStateAsync();
        }
    }

    public async Task AdmitAsync(Guid hostId, Guid? userId)
    {
        await RequireHostAsync(hostId);
        foreach (var person in M.People.Values.Where(p => p.InLobby && !p.Removed))
        {
            if (userId is null || M.People.GetValueOrDefault(userId.Value) == person)
            {
                person.InLobby = false;
                person.Admitted = true;
            }
        }

        await state.WriteStateAsync();
    }

    public async Task AllowPublishAsync(Guid hostId, Guid userId, bool allowed)
    {
        await RequireHostAsync(hostId);
        var person = M.People.GetValueOrDefault(userId) ?? throw new DomainException("meeting.person-unknown", "Этого участника нет во встрече.");
        person.MayPublish = allowed;
        person.HandRaised = false;
        await state.WriteStateAsync();
        await BestEffortAsync(EnforcePublishingAsync);
    }

    public async Task LockPublishingAsync(Guid hostId, bool locked)
    {
        await RequireHostAsync(hostId);
        M.PublishingLocked = locked;
        await state.WriteStateAsync();
        await BestEffortAsync(EnforcePublishingAsync);
    }

    public async Task RaiseHandAsync(Guid userId, bool raised)
    {
        var person = await RequireInsideAsync(userId);
        person.HandRaised = raised;
        await state.WriteStateAsync();
    }

    public async Task RemoveAsync(Guid hostId, Guid userId)
    {
        await RequireHostAsync(hostId);
        if (userId == hostId)
        {
            throw new DomainException("meeting.remove-host", "Организатор не может удалить себя: завершите встречу.");
        }

        var person = M.People.GetValueOrDefault(userId) ?? throw new DomainException("meeting.person-unknown", "Этого участника нет во встрече.");
        person.Removed = true;
        person.Admitted = false;
        person.InLobby = false;
        await state.WriteStateAsync();
        await BestEffortAsync(() => CutOffAsync(person));
    }

    public async Task SetRecordingAsync(Guid hostId, bool on)
    {
        await RequireHostAsync(hostId);
        if (M.State != MeetingState.Live)
        {
            throw new DomainException("meeting.not-live", "Запись включают во время встречи.");
        }

        await VideoServerAsync(() => janus.RecordAsync(M.RoomId, M.RoomSecret, on, CancellationToken.None));
        M.Recording = on;
        M.EverRecorded |= on;
        M.RecordingStatus = on ? RecordingStatus.Recording : M.RecordingStatus;
        await state.WriteStateAsync();
    }

    public async Task EndAsync(Guid hostId)
    {
        await RequireHostAsync(hostId);
        await FinishAsync();
    }

    public async Task<string> InviteGuestAsync(Guid hostId, string guestName, TimeSpan validFor)
    {
        await RequireHostAsync(hostId);
        if (M.Kind != MeetingKind.Webinar)
        {
            throw new DomainException("meeting.guests", "Гостей из других школ приглашают только на вебинары.");
        }

        var name = (guestName ?? "").Trim();
        if (name.Length is 0 or > 200)
        {
            throw new DomainException("meeting.guest-name", "Укажите, кого вы приглашаете: фамилию и имя (до 200 символов).");
        }

        if (validFor < TimeSpan.FromHours(1) || validFor > TimeSpan.FromDays(7))
        {
            throw new DomainException("meeting.guest-validity", "Ссылка гостя действует от 1 часа до 7 дней.");
        }

        if (M.State == MeetingState.Ended)
        {
            throw new DomainException("meeting.ended", "Встреча уже закончилась.");
        }

        var secret = Secret(24);
        M.GuestLinks.Add(new GuestLink { SecretHash = Hash(secret), InvitedName = name, ValidUntil = clock.GetUtcNow() + validFor });
        await state.WriteStateAsync();
        return secret;
    }

    public async Task<MeetingView> AcceptGuestAsync(Guid userId, string secret)
    {
        var hash = Hash(secret ?? "");
        var link = state.RecordExists ? M.GuestLinks.FirstOrDefault(l => CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(l.SecretHash), System.Text.Encoding.ASCII.GetBytes(hash))) : null;
        // One refusal for every wrong case: a guessed secret learns nothing about the meeting.
        if (link is null || (link.TakenBy is { } taken && taken != userId) || M.State == MeetingState.Ended)
        {
            throw DomainException.Forbidden("meeting.forbidden-guest-link", "Эта ссылка недействительна: попросите организатора прислать новую.");
        }

        if (link.TakenBy is null)
        {
            if (clock.GetUtcNow() > link.ValidUntil)
            {
                throw new DomainException("meeting.guest-expired", "Срок действия ссылки истёк: попросите организатора прислать новую.");
            }

            var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
            if (profile is null || profile.Trust < TrustLevel.Standard)
            {
                throw DomainException.Forbidden("meeting.forbidden-guest-trust", "Гостем можно войти только с подтверждённой учётной записью Госуслуг.");
            }

            link.TakenBy = userId;
            var person = Person(userId, profile.Name.DisplayName);
            person.GuestOf = link.InvitedName;
            person.InLobby = true;
            await state.WriteStateAsync();
        }

        return await ViewAsync(userId);
    }

    public async Task<IReadOnlyList<AttendanceEntry>> AttendanceAsync(Guid hostId)
    {
        await RequireHostAsync(hostId);
        return M.Attendance.ToList();
    }

    public async Task RecordingDoneAsync(bool ok, string? problem)
    {
        M.RecordingStatus = ok ? RecordingStatus.Ready : RecordingStatus.Failed;
        M.RecordingProblem = problem;
        await state.WriteStateAsync();
        // The host's card in the chat says what became of the recording (a failure included) without a reload.
        await AnnounceAsync();
    }

    private async Task<MeetingView> ViewAsync(Guid userId)
    {
        var host = userId == M.HostId;
        var me = M.People.GetValueOrDefault(userId);
        var people = M.People
            .Where(p => !p.Value.Removed && (p.Value.Inside || (host && (p.Value.InLobby || p.Value.HandRaised))))
            .Select(p => new MeetingParticipant(p.Key, p.Value.Name, p.Value.Inside, p.Value.InLobby, p.Value.MayPublish || p.Key == M.HostId,
                p.Value.HandRaised, host ? p.Value.ChildNames : [], host ? p.Value.GuestOf : null))
            .OrderBy(p => p.UserId != M.HostId).ThenBy(p => p.Name, StringComparer.Create(new("ru-RU"), false))
            .ToList();
        var status = M.EverRecorded ? M.RecordingStatus : RecordingStatus.None;
        var group = RoomOf(userId).Group;
        return new MeetingView(MeetingId, M.ChatId, M.Kind, M.State, M.Title, M.HostId, M.HostName, M.StartsAt, M.StartedAt, M.EndedAt,
            M.Recording && M.State == MeetingState.Live, status, host ? M.RecordingProblem : null, host,
            host || (me is { Admitted: true, Removed: false }), host || group is not null || (me is { MayPublish: true } && !M.PublishingLocked),
            M.PublishingLocked, people, me is { GuestOf: not null }, group, BreakoutViews(host), M.Breakouts.Count > 0 ? M.Notice : null, M.SchoolId);
    }

    private MeetingPerson Person(Guid userId, string name)
    {
        if (!M.People.TryGetValue(userId, out var person))
        {
            person = new MeetingPerson { Name = name, ParticipantId = Secret(12), ScreenParticipantId = Secret(12) };
            M.People[userId] = person;
        }

        return person;
    }

    private async Task RequireMemberAsync(Guid userId)
    {
        if (!state.RecordExists)
        {
            throw new DomainException("meeting.unknown", "Такой встречи нет.");
        }

        // A guest is in through their own link, never through the chat (they see nothing of it).
        var guest = M.People.GetValueOrDefault(userId) is { GuestOf: not null };
        if (!guest && !await GrainFactory.GetGrain<IChatGrain>(M.ChatId).IsMemberAsync(userId))
        {
            throw DomainException.Forbidden("meeting.forbidden", "Эта встреча — для участников чата, в котором её начали.");
        }

        if (M.People.GetValueOrDefault(userId) is { Removed: true })
        {
            throw DomainException.Forbidden("meeting.forbidden-removed", "Организатор удалил вас из этой встречи.");
        }
    }

    private async Task<MeetingPerson> RequireInsideAsync(Guid userId)
    {
        await RequireMemberAsync(userId);
        if (M.State != MeetingState.Live)
        {
            throw M.State == MeetingState.Ended
                ? new DomainException("meeting.not-live", "Встреча уже закончилась.") { Key = "meeting.ended" }
                : new DomainException("meeting.not-live", "Встреча ещё не началась.") { Key = "meeting.not-live.not-started" };
        }

        var person = M.People.GetValueOrDefault(userId);
        if (person is not { Admitted: true })
        {
            throw new DomainException("meeting.lobby", "Организатор ещё не впустил вас: подождите в зале ожидания.");
        }

        return person;
    }

    /// <summary>The host, and still a member of the chat: a teacher moved to another class loses the meeting too.</summary>
    private async Task RequireHostAsync(Guid userId)
    {
        if (!state.RecordExists || userId != M.HostId)
        {
            throw DomainException.Forbidden("meeting.forbidden-host-only", "Это может только организатор встречи.");
        }

        await RequireMemberAsync(userId);
    }

    private async Task<string> NameAsync(Guid userId) =>
        (await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync())?.Name.DisplayName ?? "Участник";

    /// <summary>A waiting parent's children in the class, so that the host knows whose parent knocks.</summary>
    private async Task<List<string>> ChildNamesAsync(Guid userId)
    {
        var access = await GrainFactory.GetGrain<IChatGrain>(M.ChatId).GetAccessAsync(M.HostId);
        if (access.ClassId is not { } classId)
        {
            return [];
        }

        var details = await GrainFactory.GetGrain<Classes.IClassGrain>(classId).GetAsync(M.HostId);
        var parent = details.Members.FirstOrDefault(m => m.UserId == userId);
        return parent is null
            ? []
            : details.Members.Where(m => parent.ChildOf.Contains(m.JournalId)).Select(m => m.DisplayName).ToList();
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Secret(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}
