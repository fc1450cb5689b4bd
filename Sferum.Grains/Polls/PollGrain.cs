using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Identity;

namespace Sferum.Polls;

/// <summary>
/// One poll and the only writer of its votes. Not reentrant: votes are applied one at a time, so a tally never races.
/// Who may do what is asked of the chat at each call (a member who left the class cannot vote a minute later).
/// </summary>
public sealed partial class PollGrain(PollStore store, TimeProvider clock, ILogger<PollGrain> logger) : Grain, IPollGrain, IRemindable, Audit.ISchoolScoped
{
    private PollRecord? poll;
    private Guid? schoolId;
    private readonly Dictionary<Guid, string> names = [];

    public Guid? AuditSchoolId => schoolId;

    private Guid PollId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        poll = await store.LoadAsync(PollId);

    public async Task<PollView> CreateAsync(Guid userId, Guid chatId, string clientId, PollDraft draft)
    {
        var access = await AccessAsync(chatId, userId);
        if (!access.CanPost)
        {
            throw DomainException.Forbidden("poll.forbidden-publish", "В этом чате вы не можете публиковать.");
        }

        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > 64 || PollIds.For(chatId, userId, clientId) != PollId)
        {
            throw new DomainException("poll.client-id-invalid", "Нет идентификатора опроса от приложения.");
        }

        draft = PollRules.Normalize(draft, clock.GetUtcNow());
        if (poll is null)
        {
            var record = new PollRecord(PollId, chatId, null, userId, draft.Question, draft.Options, draft.Multiple, draft.Anonymous, draft.Deadline, null);
            await store.CreateAsync(record);
            poll = record;
        }

        // A retry after a lost answer posts again with the same client id: the chat returns the message it stored.
        if (poll.Seq is null)
        {
            var message = await GrainFactory.GetGrain<IChatGrain>(chatId).SendAsync(userId, new SendMessage(clientId, poll.Question, null, PollId: PollId));
            await store.SetSeqAsync(PollId, message.Seq);
            poll = poll with { Seq = message.Seq };
            await ScheduleClosingSoonAsync();
        }

        return await ViewAsync(userId, access.CanModerate);
    }

    public async Task<PollView> GetAsync(Guid userId)
    {
        var access = await AccessAsync(Existing().ChatId, userId);
        return await ViewAsync(userId, access.CanModerate);
    }

    public async Task<PollVoteResult> VoteAsync(Guid userId, IReadOnlyList<int> options, string? receipt)
    {
        var p = Existing();
        var access = await AccessAsync(p.ChatId, userId);
        if (p.IsClosed(clock.GetUtcNow()))
        {
            throw new DomainException("poll.closed", "Опрос закрыт: голосовать уже нельзя.");
        }

        var choice = PollRules.Choice(options, p.Options.Count, p.Multiple);
        string? newReceipt = null;
        if (!p.Anonymous)
        {
            await store.VoteNamedAsync(PollId, userId, choice);
        }
        else if (receipt is not null)
        {
            if (!await store.ChangeBallotAsync(PollId, Hash(receipt), choice))
            {
                throw new DomainException("poll.receipt-unknown", "Не удалось найти ваш голос: изменить его можно только с того устройства, с которого вы голосовали.");
            }
        }
        else
        {
            newReceipt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            if (!await store.VoteAnonymousAsync(PollId, userId, Hash(newReceipt), choice))
            {
                throw new DomainException("poll.already-voted", "Вы уже проголосовали. В анонимном опросе голос меняют с того же устройства.");
            }
        }

        var tally = await TallyAsync();
        await PublishAsync(tally);
        var view = await ViewAsync(userId, access.CanModerate, tally);
        // The server cannot tell a voter their anonymous choice; the device that voted remembers it.
        return new PollVoteResult(p.Anonymous ? view with { MyChoice = choice.Select(o => (int)o).ToList() } : view, newReceipt);
    }

    public async Task<PollView> CloseAsync(Guid userId)
    {
        var p = Existing();
        var access = await AccessAsync(p.ChatId, userId);
        if (p.CreatedBy != userId && !access.CanModerate)
        {
            throw DomainException.Forbidden("poll.forbidden-close", "Закрыть опрос может его автор или учитель.");
        }

        if (p.ClosedAt is null)
        {
            var now = clock.GetUtcNow();
            await store.CloseAsync(PollId, userId, now);
            poll = p with { ClosedAt = now };
            var tally = await TallyAsync();
            await PublishAsync(tally);
            return await ViewAsync(userId, access.CanModerate, tally);
        }

        return await ViewAsync(userId, access.CanModerate);
    }

    public async Task<IReadOnlyList<PollNonVoter>> NonVotersAsync(Guid userId)
    {
        var p = Existing();
        var access = await AccessAsync(p.ChatId, userId);
        if (p.CreatedBy != userId && !access.CanModerate)
        {
            throw DomainException.Forbidden("poll.forbidden-pending", "Кто не ответил, видят автор опроса и учителя.");
        }

        if (p.Anonymous)
        {
            throw new DomainException("poll.anonymous", "Опрос анонимный: кто как голосовал, не хранится, а список не ответивших не показывается.");
        }

        var voted = (await TallyAsync()).Named!.Keys.ToHashSet();
        var members = await GrainFactory.GetGrain<IChatGrain>(p.ChatId).MemberIdsAsync();
        var result = new List<PollNonVoter>();
        foreach (var member in members.Where(m => !voted.Contains(m) && m != p.CreatedBy))
        {
            result.Add(new PollNonVoter(member, await NameAsync(member)));
        }

        return result.OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList();
    }

    public Task<bool> IsPostableAsync(Guid chatId, Guid authorId) =>
        Task.FromResult(poll is { } p && p.ChatId == chatId && p.CreatedBy == authorId);

    private PollRecord Existing() => poll ?? throw new DomainException("poll.unknown", "Такого опроса нет.");

    private async Task<ChatAccess> AccessAsync(Guid chatId, Guid userId)
    {
        // Non-members are refused by the chat itself, before anything about the poll is told.
        var access = await GrainFactory.GetGrain<IChatGrain>(chatId).GetAccessAsync(userId);
        schoolId = access.SchoolId;
        return access;
    }

    /// <summary>The votes as stored: for a named poll who chose what; for an anonymous one who voted and the counts.</summary>
    private sealed record Tally(Dictionary<Guid, short[]>? Named, HashSet<Guid>? AnonymousVoters, int[]? AnonymousCounts);

    private async Task<Tally> TallyAsync()
    {
        var p = Existing();
        if (!p.Anonymous)
        {
            return new Tally(await store.NamedVotesAsync(PollId), null, null);
        }

        var (voters, counts) = await store.AnonymousTallyAsync(PollId, p.Options.Count);
        return new Tally(null, voters, counts);
    }

    private async Task<PollView> ViewAsync(Guid? viewer, bool canModerate, Tally? tally = null)
    {
        var p = Existing();
        tally ??= await TallyAsync();
        int[] counts;
        int voters;
        bool voted;
        IReadOnlyList<int>? mine = null;
        List<string>[]? voterNames = null;
        if (tally.Named is not { } votes)
        {
            (counts, voters, voted) = (tally.AnonymousCounts!, tally.AnonymousVoters!.Count, viewer is { } v && tally.AnonymousVoters.Contains(v));
        }
        else
        {
            counts = new int[p.Options.Count];
            voterNames = Enumerable.Range(0, p.Options.Count).Select(_ => new List<string>()).ToArray();
            foreach (var (user, chosen) in votes)
            {
                foreach (var o in chosen.Where(o => o >= 0 && o < counts.Length))
                {
                    counts[o]++;
                    voterNames[o].Add(await NameAsync(user));
                }
            }

            (voters, voted) = (votes.Count, viewer is { } v && votes.ContainsKey(v));
            mine = viewer is { } me && votes.TryGetValue(me, out var my) ? my.Select(o => (int)o).ToList() : null;
        }

        var options = p.Options.Select((text, i) => new PollOptionResult(text, counts[i],
            voterNames?[i].Order(StringComparer.CurrentCulture).ToList())).ToList();
        return new PollView(PollId, p.ChatId, p.Seq, p.Question, options, p.Multiple, p.Anonymous, p.Deadline,
            p.IsClosed(clock.GetUtcNow()), voters, voted, mine, viewer is { } u && (u == p.CreatedBy || canModerate));
    }

    private async Task<string> NameAsync(Guid userId)
    {
        if (!names.TryGetValue(userId, out var name))
        {
            name = (await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync())?.Name.FullName ?? PersonalData.FormerMember.Name;
            names[userId] = name;
        }

        return name;
    }

    // Live results for everyone in the chat: counts (and names in a named poll), never anyone's own choice.
    private async Task PublishAsync(Tally tally)
    {
        var p = Existing();
        try
        {
            var view = await ViewAsync(null, false, tally);
            await GrainFactory.GetGrain<IChatGrain>(p.ChatId).BroadcastAsync(new ChatEvent(p.ChatId, 0, ChatEventType.PollUpdated, null, [], view));
        }
        catch (Exception ex)
        {
            // Best effort like every live event: the poll's page and the next refresh read the tally from the database.
            logger.LogWarning(ex, "Poll {PollId}: results were not published live", PollId);
        }
    }

    private static byte[] Hash(string receipt) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(receipt));
}
