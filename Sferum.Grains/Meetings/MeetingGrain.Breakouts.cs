using Sferum.Common;

namespace Sferum.Meetings;

/// <summary>
/// Breakout groups of a lesson. Each group is a room of its own on Janus, made and checked like the main room; a person's
/// grant names the room of their group, so moving people is changing the grant: their pages notice at the next look at
/// the meeting and reconnect. In a group everyone may speak; the host drops in on any group.
/// </summary>
public sealed partial class MeetingGrain
{
    public const int MaxBreakouts = 20;

    public async Task OpenBreakoutsAsync(Guid hostId, IReadOnlyList<IReadOnlyList<Guid>>? groups, int count)
    {
        await RequireHostAsync(hostId);
        if (M.Kind != MeetingKind.Lesson || M.State != MeetingState.Live)
        {
            throw new DomainException("meeting.breakouts", "На группы делят во время урока.");
        }

        if (M.Breakouts.Count > 0)
        {
            throw new DomainException("meeting.breakouts-open", "Группы уже работают: сначала верните всех в общий зал.");
        }

        var pupils = M.People.Where(p => p.Key != hostId && p.Value is { Admitted: true, Removed: false, Inside: true }).Select(p => p.Key).ToList();
        var split = groups is { Count: > 0 } ? ByHand(groups, pupils) : AtRandom(pupils, count);
        foreach (var (members, index) in split.Select((g, i) => (g, i)))
        {
            var room = new BreakoutRoom { Name = $"Группа {index + 1}", RoomId = Secret(16), Pin = Secret(16), Members = members };
            await VideoServerAsync(() => janus.CreateRoomAsync(new JanusRoom(room.RoomId, M.RoomSecret, room.Pin, 100, false, null), CancellationToken.None));
            M.Breakouts.Add(room);
        }

        M.HostVisiting = null;
        await state.WriteStateAsync();
    }

    public async Task VisitBreakoutAsync(Guid hostId, int? group)
    {
        await RequireHostAsync(hostId);
        if (group is { } g && (g < 0 || g >= M.Breakouts.Count))
        {
            throw new DomainException("meeting.breakout-unknown", "Такой группы нет.");
        }

        M.HostVisiting = group;
        if (group is { } visited)
        {
            M.Breakouts[visited].CallsHost = false;
        }

        await state.WriteStateAsync();
    }

    public async Task NotifyBreakoutsAsync(Guid hostId, string text)
    {
        await RequireHostAsync(hostId);
        var notice = (text ?? "").Trim();
        if (notice.Length is 0 or > 500)
        {
            throw new DomainException("meeting.notice", "Сообщение группам — от 1 до 500 символов.");
        }

        M.Notice = notice;
        await state.WriteStateAsync();
    }

    public async Task CallHostAsync(Guid userId)
    {
        await RequireInsideAsync(userId);
        var group = M.Breakouts.FirstOrDefault(b => b.Members.Contains(userId))
            ?? throw new DomainException("meeting.not-in-group", "Вы не в группе.");
        group.CallsHost = true;
        await state.WriteStateAsync();
    }

    public async Task CloseBreakoutsAsync(Guid hostId)
    {
        await RequireHostAsync(hostId);
        foreach (var room in M.Breakouts)
        {
            // A group room left behind when Janus does not answer holds nobody: nobody's grant names it any more.
            await BestEffortAsync(() => janus.DestroyRoomAsync(room.RoomId, M.RoomSecret, CancellationToken.None));
        }

        M.Breakouts.Clear();
        M.HostVisiting = null;
        // Back in the main room each person's new connection starts unmuted; the next look at the room mutes again
        // whoever publishes without the floor.
        foreach (var person in M.People.Values)
        {
            person.Moderated = false;
        }

        M.Notice = null;
        await state.WriteStateAsync();
    }

    /// <summary>The room this person's grant names now: their group's, the group the host visits, or the main room.</summary>
    private (string RoomId, string Pin, string? Group) RoomOf(Guid userId)
    {
        var group = userId == M.HostId
            ? M.HostVisiting is { } visiting ? M.Breakouts[visiting] : null
            : M.Breakouts.FirstOrDefault(b => b.Members.Contains(userId));
        return group is null ? (M.RoomId, M.Pin, null) : (group.RoomId, group.Pin, group.Name);
    }

    private IReadOnlyList<BreakoutView>? BreakoutViews(bool host) =>
        host && M.Breakouts.Count > 0
            ? M.Breakouts.Select((b, i) => new BreakoutView(i, b.Name, b.Members, b.Members.Select(m => M.People.GetValueOrDefault(m)?.Name ?? "—").ToList(),
                b.CallsHost)).ToList()
            : null;

    private List<List<Guid>> ByHand(IReadOnlyList<IReadOnlyList<Guid>> groups, List<Guid> pupils)
    {
        if (groups.Count > MaxBreakouts)
        {
            throw new DomainException("meeting.breakouts-count", "Не больше {0} групп.", MaxBreakouts);
        }

        var seen = new HashSet<Guid>();
        foreach (var id in groups.SelectMany(g => g))
        {
            if (!pupils.Contains(id) || !seen.Add(id))
            {
                throw new DomainException("meeting.breakout-member", "В группы можно распределить только тех, кто сейчас на уроке, и каждого один раз.");
            }
        }

        return groups.Select(g => g.ToList()).ToList();
    }

    private static List<List<Guid>> AtRandom(List<Guid> pupils, int count)
    {
        if (count < 2 || count > MaxBreakouts)
        {
            throw new DomainException("meeting.breakouts-count", "Групп может быть от 2 до {0}.", MaxBreakouts) { Key = "meeting.breakouts-count-range" };
        }

        var shuffled = pupils.OrderBy(_ => Random.Shared.Next()).ToList();
        return Enumerable.Range(0, count).Select(g => shuffled.Where((_, i) => i % count == g).ToList()).ToList();
    }
}
