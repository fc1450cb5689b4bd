using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Sferum.Chats;
using Sferum.Localization;

namespace Sferum.Meetings;

/// <summary>
/// The meeting's Janus room. Janus keeps rooms in memory and does not know Sferum's rules, so while the meeting is live
/// the grain compares the room with what it allows every few seconds: a room that is gone (Janus restarted) is created
/// again with the same id and pin; a participant id Sferum did not hand out, or one of a person who lost access, is
/// kicked and their sessions closed; someone publishing without leave is muted; joins and leaves become attendance.
/// </summary>
public sealed partial class MeetingGrain
{
    private const string StartReminder = "start";
    private const string AbandonReminder = "abandon";

    private IGrainTimer? reconcile;

    private async Task GoLiveAsync()
    {
        await VideoServerAsync(CreateRoomAsync);
        M.State = MeetingState.Live;
        M.StartedAt = clock.GetUtcNow();
        M.EverRecorded = M.Recording;
        M.RecordingStatus = M.Recording ? RecordingStatus.Recording : RecordingStatus.None;
        M.EmptySince = M.StartedAt;
        await state.WriteStateAsync();
        StartReconciling();
        await AnnounceAsync();
        // Every member but the host hears of it (one way: the meeting does not wait for their centres).
        await GrainFactory.GetGrain<Chats.IChatGrain>(M.ChatId).NotifyMembersAsync(new Chats.ChatNotice(Notifications.NotificationKind.MeetingStarted,
            M.HostId, M.HostName, GrainTexts.Format("Notice.MeetingStarted", MeetingKinds.Describe(M.Kind), M.Title), MeetingId: MeetingId));
    }

    /// <summary>A call to Janus on a person's behalf: when Janus does not answer, they are told so in words, and may retry.</summary>
    private static async Task VideoServerAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is JanusException or HttpRequestException or TaskCanceledException)
        {
            throw new Common.DomainException("meeting.video-down", "Видеосервер сейчас не отвечает: попробуйте ещё раз через минуту.");
        }
    }

    /// <summary>
    /// A decision already saved, applied to Janus now if it answers; otherwise the next look at the room applies it
    /// (the reconciliation kicks, cuts off and mutes by the saved state), so the host is not told of a failure.
    /// </summary>
    private async Task BestEffortAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception ex) when (ex is JanusException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Meeting {MeetingId}: the video server did not answer now ({Error}); the next check applies it", MeetingId, ex.Message);
        }
    }

    private Task CreateRoomAsync()
    {
        var folder = options.Value.RecordingsFolder is { Length: > 0 } root ? Path.Combine(root, MeetingId.ToString("N")) : null;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var publishers = M.Kind == MeetingKind.Broadcast ? 6 : 100;
        return janus.CreateRoomAsync(new JanusRoom(M.RoomId, M.RoomSecret, M.Pin, publishers, M.Recording, folder), CancellationToken.None);
    }

    private void StartReconciling() =>
        reconcile ??= this.RegisterGrainTimer(ReconcileAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.FromSeconds(options.Value.ReconcileSeconds),
            Period = TimeSpan.FromSeconds(options.Value.ReconcileSeconds),
            Interleave = false,
        });

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        if (M.State != MeetingState.Live)
        {
            reconcile?.Dispose();
            reconcile = null;
            return;
        }

        try
        {
            var participants = await janus.ParticipantsAsync(M.RoomId, cancellationToken);
            if (participants is null)
            {
                // Janus lost the room (it restarted): everyone was cut off with it and may join the new room.
                logger.LogWarning("Meeting {MeetingId}: Janus had no room, creating it again", MeetingId);
                await CreateRoomAsync();
                participants = [];
                foreach (var person in M.People.Values)
                {
                    person.Sessions.Clear();
                    person.Moderated = false;
                }
            }

            // Breakout groups' rooms are checked the same way (a group's members may speak there).
            var all = participants.Select(p => (p, Group: false)).ToList();
            foreach (var group in M.Breakouts)
            {
                var inGroup = await janus.ParticipantsAsync(group.RoomId, cancellationToken);
                if (inGroup is null)
                {
                    await janus.CreateRoomAsync(new JanusRoom(group.RoomId, M.RoomSecret, group.Pin, 100, false, null), cancellationToken);
                    inGroup = [];
                }

                all.AddRange(inGroup.Select(p => (p, Group: true)));
            }

            var changed = await ApplyAsync(all, cancellationToken);
            var now = clock.GetUtcNow();
            if (M.People.Values.Any(p => p.Inside))
            {
                changed |= M.EmptySince is not null;
                M.EmptySince = null;
            }
            else if (M.EmptySince is null)
            {
                M.EmptySince = now;
                changed = true;
            }
            else if (now - M.EmptySince > TimeSpan.FromMinutes(options.Value.EmptyMinutes))
            {
                logger.LogInformation("Meeting {MeetingId}: nobody inside for {Minutes} min, ending it", MeetingId, options.Value.EmptyMinutes);
                await FinishAsync();
                return;
            }

            if (changed)
            {
                await state.WriteStateAsync();
            }
        }
        catch (Exception ex) when (ex is JanusException or HttpRequestException or TaskCanceledException)
        {
            // Janus is down or slow: try again at the next tick; the status page shows the video server's state.
            logger.LogWarning("Meeting {MeetingId}: the video server did not answer ({Error})", MeetingId, ex.Message);
        }
    }

    /// <summary>Applies Sferum's rules to what Janus has in the room; true when the state changed.</summary>
    private async Task<bool> ApplyAsync(IReadOnlyList<(JanusParticipant Participant, bool Group)> participants, CancellationToken cancellationToken)
    {
        // The host too: a host the journal moved out of the class is cut off like anyone else.
        var members = (await GrainFactory.GetGrain<IChatGrain>(M.ChatId).MemberIdsAsync()).ToHashSet();
        // Guests are in by their own link, not by the chat.
        members.UnionWith(M.People.Where(p => p.Value.GuestOf is not null).Select(p => p.Key));
        var byParticipant = M.People.SelectMany(p => new[] { (p.Value.ParticipantId, p), (p.Value.ScreenParticipantId, p) })
            .ToDictionary(x => x.Item1, x => x.p);
        var changed = false;
        var inside = new HashSet<Guid>();
        foreach (var (participant, inGroup) in participants)
        {
            if (!byParticipant.TryGetValue(participant.Id, out var entry))
            {
                logger.LogWarning("Meeting {MeetingId}: kicking a participant Sferum did not admit", MeetingId);
                foreach (var room in M.Breakouts.Select(b => b.RoomId).Prepend(M.RoomId))
                {
                    await janus.KickAsync(room, M.RoomSecret, participant.Id, cancellationToken);
                }

                continue;
            }

            var (userId, person) = (entry.Key, entry.Value);
            if (person.Removed || !person.Admitted || !members.Contains(userId))
            {
                if (!members.Contains(userId) && !person.Removed)
                {
                    // Left the chat (the journal moved them, a moderator removed them): the meeting goes with it.
                    person.Admitted = false;
                    changed = true;
                }

                await CutOffAsync(person);
                continue;
            }

            inside.Add(userId);
            var mayPublish = userId == M.HostId || inGroup || (person.MayPublish && !M.PublishingLocked);
            if (participant.Publishing && !mayPublish && !person.Moderated)
            {
                await janus.ModerateAsync(M.RoomId, M.RoomSecret, participant.Id, true, cancellationToken);
                person.Moderated = true;
                changed = true;
            }
        }

        var now = clock.GetUtcNow();
        foreach (var (userId, person) in M.People)
        {
            var isInside = inside.Contains(userId);
            if (isInside == person.Inside)
            {
                continue;
            }

            person.Inside = isInside;
            changed = true;
            if (isInside)
            {
                M.Attendance.Add(new AttendanceEntry(userId, person.Name, now, null));
            }
            else
            {
                CloseAttendance(userId, now);
            }
        }

        return changed;
    }

    /// <summary>Mutes those who may no longer publish, and lets those who may again unmute themselves.</summary>
    private async Task EnforcePublishingAsync()
    {
        if (M.State != MeetingState.Live)
        {
            return;
        }

        foreach (var (userId, person) in M.People.Where(p => p.Value.Inside))
        {
            var mayPublish = userId == M.HostId || (person.MayPublish && !M.PublishingLocked);
            if (mayPublish == !person.Moderated)
            {
                continue;
            }

            await janus.ModerateAsync(M.RoomId, M.RoomSecret, person.ParticipantId, !mayPublish, CancellationToken.None);
            person.Moderated = !mayPublish;
        }

        await state.WriteStateAsync();
    }

    /// <summary>Takes a person out of the room at once: kicked from it, and every Janus session of theirs closed.</summary>
    private async Task CutOffAsync(MeetingPerson person)
    {
        if (M.State != MeetingState.Live)
        {
            return;
        }

        foreach (var room in M.Breakouts.Select(b => b.RoomId).Prepend(M.RoomId))
        {
            await janus.KickAsync(room, M.RoomSecret, person.ParticipantId, CancellationToken.None);
            await janus.KickAsync(room, M.RoomSecret, person.ScreenParticipantId, CancellationToken.None);
        }
        foreach (var session in person.Sessions)
        {
            await janus.DestroySessionAsync(session, CancellationToken.None);
        }

        person.Sessions.Clear();
        // Their stay ends now, not at the next look at the room.
        if (person.Inside && M.People.FirstOrDefault(p => p.Value == person).Key is var userId)
        {
            person.Inside = false;
            CloseAttendance(userId, clock.GetUtcNow());
        }

        await state.WriteStateAsync();
    }

    private async Task FinishAsync()
    {
        if (M.State == MeetingState.Ended)
        {
            return;
        }

        var wasLive = M.State == MeetingState.Live;
        var now = clock.GetUtcNow();
        M.State = MeetingState.Ended;
        M.EndedAt = now;
        M.Recording = false;
        foreach (var (userId, person) in M.People.Where(p => p.Value.Inside))
        {
            person.Inside = false;
            CloseAttendance(userId, now);
        }

        if (wasLive && M.EverRecorded)
        {
            M.RecordingStatus = RecordingStatus.Processing;
        }

        await state.WriteStateAsync();
        reconcile?.Dispose();
        reconcile = null;
        if (wasLive)
        {
            try
            {
                foreach (var room in M.Breakouts.Select(b => b.RoomId).Prepend(M.RoomId))
                {
                    await janus.DestroyRoomAsync(room, M.RoomSecret, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is JanusException or HttpRequestException)
            {
                // The room dies with Janus anyway; nobody can join it: the grant is refused for an ended meeting.
                logger.LogWarning("Meeting {MeetingId}: the room was not destroyed ({Error})", MeetingId, ex.Message);
            }
        }

        if (M.RecordingStatus == RecordingStatus.Processing)
        {
            await GrainFactory.GetGrain<IRecordingGrain>(MeetingId).ProcessAsync(new RecordingJob(
                MeetingId, M.ChatId, M.HostId, M.Title, M.StartedAt ?? now, M.People[M.HostId].ParticipantId));
        }

        await AnnounceAsync();
    }

    private void CloseAttendance(Guid userId, DateTimeOffset now)
    {
        var open = M.Attendance.FindLastIndex(a => a.UserId == userId && a.LeftAt is null);
        if (open >= 0)
        {
            M.Attendance[open] = M.Attendance[open] with { LeftAt = now };
        }
    }

    /// <summary>Tells the chat's open pages that the card changed (live, ended), as polls do with their results.</summary>
    private async Task AnnounceAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IChatGrain>(M.ChatId)
                .BroadcastAsync(new ChatEvent(M.ChatId, 0, ChatEventType.MeetingUpdated, null, [], Meeting: MeetingId));
        }
        catch (Exception ex)
        {
            // Pages also read the card when they open; a lost nudge only delays what they show.
            logger.LogWarning(ex, "Meeting {MeetingId}: its card was not refreshed live", MeetingId);
        }
    }

    private async Task ScheduleRemindersAsync(DateTimeOffset startsAt)
    {
        // Reminders, not timers: they survive the grain's deactivation and the silo's restart. A meeting planned sooner
        // than the reminder notice is reminded of right away. Each repeats (5 min) until handled, then is forgotten.
        var now = clock.GetUtcNow();
        var soon = startsAt - TimeSpan.FromMinutes(options.Value.ReminderMinutes) - now;
        var abandon = startsAt + TimeSpan.FromMinutes(options.Value.AbandonMinutes) - now;
        await this.RegisterOrUpdateReminder(StartReminder, Max(soon, TimeSpan.FromSeconds(1)), TimeSpan.FromMinutes(5));
        await this.RegisterOrUpdateReminder(AbandonReminder, Max(abandon, TimeSpan.FromSeconds(1)), TimeSpan.FromMinutes(5));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!state.RecordExists || M.State == MeetingState.Ended || (reminderName == StartReminder && M.State != MeetingState.Scheduled))
        {
            await ForgetAsync(reminderName);
            return;
        }

        if (reminderName == StartReminder)
        {
            // Everyone in the chat sees the reminder; the card's button opens the meeting when the host does.
            await GrainFactory.GetGrain<IChatGrain>(M.ChatId).SendAsync(M.HostId,
                new SendMessage($"meeting-{MeetingId:N}-soon", $"Скоро начнётся: {MeetingKinds.Describe(M.Kind).ToLowerInvariant()} «{M.Title}»", null));
            await ForgetAsync(reminderName);
        }
        else
        {
            if (M.State == MeetingState.Scheduled)
            {
                // Planned, and the host never opened it.
                await FinishAsync();
            }

            await ForgetAsync(reminderName);
        }
    }

    private async Task ForgetAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
