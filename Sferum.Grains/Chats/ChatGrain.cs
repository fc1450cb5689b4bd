using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Chats;

/// <summary>
/// The single writer of one chat's log. Reentrant so that many senders wait together: while one batch commits, new
/// sends queue up and go in the next batch (one transaction, one fsync for all of them). Sequence numbers are given
/// out only inside a commit, and only advance when it succeeded, so the log has no gaps.
/// </summary>
[Reentrant]
public sealed partial class ChatGrain(
    ChatStore store,
    ChatLocator locator,
    ChatSanctions sanctions,
    Audit.AuditLog audit,
    ClassRosterReader rosters,
    IOptions<ChatOptions> options,
    TimeProvider clock,
    Platform.GrainMetrics metrics,
    ILogger<ChatGrain> logger) : Grain, IChatGrain, Audit.ISchoolScoped
{
    /// <summary>A send refused because the database was away; the log shows it holds nothing of it.</summary>
    public const string NotSaved = "message.not-saved";

    /// <summary>A send whose commit could not be confirmed (the database went away during it); retrying is safe.</summary>
    public const string Unconfirmed = "message.unconfirmed";

    private static readonly HashSet<string> Reactions = ["👍", "❤️", "😂", "😮", "😢", "🙏", "✅", "👏"];
    private readonly List<PendingEvent> pending = [];
    private readonly Dictionary<Guid, string> authorNames = [];
    private readonly Dictionary<Guid, List<DateTimeOffset>> recentSends = [];
    private readonly Dictionary<(Guid, string), ChatMessage> recentPosts = [];
    private readonly Queue<(Guid, string)> recentOrder = new();
    private ChatMembership? loaded;
    private long lastSeq;
    private Task? flushing;
    private bool positionUnknown;

    private Guid ChatId => this.GetPrimaryKey();

    public Guid? AuditSchoolId => loaded?.SchoolId;

    // An id that names no chat still activates a grain; every call on it is refused the same way.
    private ChatMembership membership => loaded ?? throw new DomainException("chat.unknown", "Такого чата нет.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        loaded = await LoadMembershipAsync();
        lastSeq = await store.LastSeqAsync(ChatId);
        mutes = await sanctions.MutesAsync(ChatId, clock.GetUtcNow());
    }

    public async Task<ChatMessage> SendAsync(Guid userId, SendMessage message)
    {
        RequireMember(userId);
        await RefreshQuietHoursAsync();
        RequirePoster(userId);
        var attachments = ValidAttachments(message.Attachments ?? []);
        // A file may go without words; words may not be missing otherwise.
        var text = attachments.Count > 0 && string.IsNullOrWhiteSpace(message.Text) ? null : ValidText(message.Text);
        if (string.IsNullOrWhiteSpace(message.ClientId) || message.ClientId.Length > 64)
        {
            throw new DomainException("message.client-id-invalid", "Нет идентификатора сообщения от приложения.");
        }

        if (message.ReplyTo is { } replyTo && (replyTo < 1 || replyTo > lastSeq))
        {
            throw new DomainException("message.reply-unknown", "Сообщения, на которое вы отвечаете, нет в этом чате.");
        }

        // A poll is shown by a message only when its own grain made it here, by this author.
        if (message.PollId is { } pollId && !await GrainFactory.GetGrain<Polls.IPollGrain>(pollId).IsPostableAsync(ChatId, userId))
        {
            throw new DomainException("poll.unknown", "Такого опроса нет.");
        }

        // A meeting's card likewise: only the meeting's grain posts it, for the meeting's host.
        if (message.MeetingId is { } meetingId && !await GrainFactory.GetGrain<Meetings.IMeetingGrain>(meetingId).IsPostableAsync(ChatId, userId))
        {
            throw new DomainException("meeting.unknown", "Такой встречи нет.");
        }

        if (message.RequiresAck && !await MayAnnounceAsync(userId))
        {
            throw DomainException.Forbidden("announcement.forbidden-publish", "Объявления с подтверждением публикуют учителя и администраторы школы.");
        }

        var stamp = CheckRate(userId);
        return await CountedAsync(userId, stamp, EnqueueAsync(new PendingEvent(ChatEventType.Posted, userId, await AuthorNameAsync(userId))
        {
            ClientId = message.ClientId,
            Text = text,
            ReplyTo = message.ReplyTo,
            Attachments = attachments,
            PollId = message.PollId,
            MeetingId = message.MeetingId,
            RequiresAck = message.RequiresAck,
            Mentions = ValidMentions(userId, message.Mentions),
        }));
    }

    private async Task<bool> MayAnnounceAsync(Guid userId) =>
        membership.IsModerator(userId) || await GrainFactory.GetGrain<ISchoolGrain>(membership.SchoolId).IsAdminAsync(userId);

    public async Task<ChatMessage> EditAsync(Guid userId, long seq, string text)
    {
        RequireMember(userId);
        var message = await ExistingAsync(seq);
        if (message.AuthorId != userId)
        {
            throw DomainException.Forbidden("message.forbidden-edit", "Изменить сообщение может только его автор.");
        }

        if (message.MeetingId is not null)
        {
            throw new DomainException("meeting.not-editable", "Карточку встречи нельзя изменить.");
        }

        if (message.PollId is not null)
        {
            throw new DomainException("poll.not-editable", "Опрос нельзя изменить: закройте его и создайте новый.");
        }

        return await EnqueueAsync(new PendingEvent(ChatEventType.Edited, userId, message.AuthorName) { TargetSeq = seq, Text = ValidText(text) });
    }

    public async Task<ChatMessage> DeleteAsync(Guid userId, long seq)
    {
        // Outsiders learn nothing, not even whether the message exists: refused before it is looked up.
        var schoolAdmin = !membership.IsModerator(userId) && await GrainFactory.GetGrain<ISchoolGrain>(membership.SchoolId).IsAdminAsync(userId);
        if (!membership.IsMember(userId) && !schoolAdmin)
        {
            throw DomainException.Forbidden("chat.forbidden-not-member", "Вы не участник этого чата.");
        }

        var message = await ExistingAsync(seq);
        if (message.AuthorId != userId && !membership.IsModerator(userId) && !schoolAdmin)
        {
            throw DomainException.Forbidden("message.forbidden-delete", "Удалить сообщение может его автор, учитель класса или администратор школы.");
        }

        return await EnqueueAsync(new PendingEvent(ChatEventType.Deleted, userId, "") { TargetSeq = seq });
    }

    public async Task<ChatMessage> ReactAsync(Guid userId, long seq, string emoji, bool on)
    {
        RequireMember(userId);
        if (!Reactions.Contains(emoji))
        {
            throw new DomainException("reaction.invalid", "Такой реакции нет.");
        }

        await ExistingAsync(seq);
        var stamp = CheckRate(userId);
        return await CountedAsync(userId, stamp, EnqueueAsync(new PendingEvent(ChatEventType.Reacted, userId, "") { TargetSeq = seq, Emoji = emoji, On = on }));
    }

    public async Task<ChatMessage> PinAsync(Guid userId, long seq, bool on)
    {
        RequireMember(userId);
        if (!membership.IsModerator(userId) && !await GrainFactory.GetGrain<ISchoolGrain>(membership.SchoolId).IsAdminAsync(userId))
        {
            throw DomainException.Forbidden("message.forbidden-pin", "Закреплять сообщения могут учителя класса и администраторы школы.");
        }

        await ExistingAsync(seq);
        return await EnqueueAsync(new PendingEvent(ChatEventType.Pinned, userId, "") { TargetSeq = seq, On = on });
    }

    public async Task<IReadOnlyList<ChatMaterial>> MaterialsAsync(Guid userId)
    {
        RequireMember(userId);
        return (await store.WithAttachmentsAsync(ChatId, 200))
            .SelectMany(m => (m.Attachments ?? []).Select((a, i) => new ChatMaterial(m.Seq, i, a, m.AuthorName, m.At)))
            .ToList();
    }

    public async Task<ChatAttachment> GetAttachmentAsync(Guid userId, long seq, int index)
    {
        RequireMember(userId);
        var message = await ExistingAsync(seq);
        return message.Attachments is { } files && index >= 0 && index < files.Count
            ? files[index]
            : throw new DomainException("attachment.unknown", "Такого файла в сообщении нет.");
    }

    public async Task<IReadOnlyList<ChatMessage>> PinnedAsync(Guid userId)
    {
        RequireMember(userId);
        return await store.PinnedAsync(ChatId);
    }

    public async Task<ChatPage> HistoryAsync(Guid userId, long? beforeSeq, long? afterSeq, int limit)
    {
        RequireMember(userId);
        return await PageAsync(beforeSeq, afterSeq, limit);
    }

    /// <summary>A page of messages (at most 200), and whether there are more beyond it.</summary>
    private async Task<ChatPage> PageAsync(long? beforeSeq, long? afterSeq, int limit)
    {
        limit = Math.Clamp(limit, 1, 200);
        var messages = await store.HistoryAsync(ChatId, beforeSeq, afterSeq, limit + 1);
        var hasMore = messages.Count > limit;
        if (hasMore)
        {
            messages = afterSeq is not null ? messages.Take(limit).ToList() : messages.Skip(1).ToList();
        }

        return new ChatPage(messages, hasMore, lastSeq);
    }

    public async Task<IReadOnlyList<ChatEvent>> CatchupAsync(Guid userId, long afterSeq, int limit)
    {
        RequireMember(userId);
        return await store.EventsAfterAsync(ChatId, Math.Max(0, afterSeq), Math.Clamp(limit, 1, 500));
    }

    public async Task MarkReadAsync(Guid userId, long seq)
    {
        RequireMember(userId);
        await store.MarkReadAsync(ChatId, userId, Math.Clamp(seq, 0, lastSeq));
    }

    public async Task<ReadReceipt> GetReceiptAsync(Guid userId, long seq)
    {
        RequireMember(userId);
        var message = await ExistingAsync(seq);
        var others = membership.Members.Keys.Where(u => u != message.AuthorId).ToList();
        return new ReadReceipt(seq, await store.ReadByAsync(ChatId, seq, others), others.Count);
    }

    public async Task<ChatSummary> GetSummaryAsync(Guid userId)
    {
        RequireMember(userId);
        var last = (await store.HistoryAsync(ChatId, null, null, 1)).LastOrDefault();
        // A direct chat is named after the other person, for each of the two.
        var title = membership.Kind == ChatKind.Direct && membership.Members.Keys.FirstOrDefault(u => u != userId) is { } other && other != Guid.Empty
            ? await AuthorNameAsync(other)
            : membership.Title;
        return new ChatSummary(ChatId, membership.Kind, title, lastSeq, await store.UnreadAsync(ChatId, userId), last,
            membership.CanPost(userId), membership.Members.Count, membership.IsModerator(userId), membership.StudentIds.Contains(userId));
    }

    public Task<ChatAccess> GetAccessAsync(Guid userId)
    {
        RequireMember(userId);
        return Task.FromResult(new ChatAccess(ChatId, membership.Kind, membership.SchoolId, membership.ClassId, membership.Title,
            membership.CanPost(userId), membership.IsModerator(userId)));
    }

    public Task<IReadOnlyList<Guid>> MemberIdsAsync() =>
        Task.FromResult<IReadOnlyList<Guid>>(loaded?.Members.Keys.Where(u => u != Guid.Empty).ToList() ?? []);

    public Task<bool> IsMemberAsync(Guid userId) => Task.FromResult(loaded?.IsMember(userId) == true);

    public async Task MembersChangedAsync()
    {
        var before = loaded?.Members.Keys.ToHashSet() ?? [];
        loaded = await LoadMembershipAsync() ?? loaded;
        if (loaded is null)
        {
            return;
        }

        var removed = before.Where(u => !membership.IsMember(u)).ToList();
        if (removed.Count > 0)
        {
            // Web nodes drop these users' open connections from the chat at once.
            Deliver([new ChatEvent(ChatId, lastSeq, ChatEventType.MembersChanged, null, removed)]);
        }
    }

    public async Task PersonErasedAsync(Guid userId)
    {
        // Those who were notified of her posts here see «бывший участник» in their centres too.
        await Task.WhenAll((loaded?.Members.Keys ?? []).Where(u => u != userId && u != Guid.Empty)
            .Select(u => GrainFactory.GetGrain<Notifications.INotificationsGrain>(u).ForgetActorAsync(userId)));
        authorNames.Remove(userId);
        recentSends.Remove(userId);
        foreach (var key in recentPosts.Keys.Where(k => k.Item1 == userId).ToList())
        {
            recentPosts.Remove(key);
        }

        await MembersChangedAsync();
    }

    private async Task<ChatMessage> EnqueueAsync(PendingEvent e)
    {
        pending.Add(e);
        // FlushAsync may finish synchronously (a retry answered from memory), so "running" means "not completed",
        // never merely "not null": a completed flush must not stop the next one from starting.
        if (flushing is not { IsCompleted: false })
        {
            flushing = FlushAsync();
        }

        return await e.Completion.Task;
    }

    private async Task FlushAsync()
    {
        while (pending.Count > 0)
        {
            var batch = pending.ToList();
            pending.Clear();
            await CommitAsync(batch);
        }
    }

    private async Task CommitAsync(List<PendingEvent> batch)
    {
        try
        {
            // A retried post (same author and client id) gets the stored message back, not a second copy: recent ones
            // are known here; older ones are refused by the database's unique index and looked up then.
            if (positionUnknown)
            {
                lastSeq = await store.LastSeqAsync(ChatId);
                positionUnknown = false;
            }

            var toWrite = WithoutRepeats(batch, []);
            for (var attempt = 0; toWrite.Count > 0; attempt++)
            {
                using var span = ChatTrace.StartCommit(ChatId, toWrite);
                var started = Stopwatch.GetTimestamp();
                var seq = lastSeq;
                foreach (var e in toWrite)
                {
                    e.Seq = ++seq;
                }

                var messages = await store.CommitAsync(ChatId, toWrite, clock.GetUtcNow());
                if (messages is not null)
                {
                    metrics.Committed(membership.Kind, toWrite.Select(e => e.Type), Stopwatch.GetElapsedTime(started));
                    ChatTrace.Committed(span, toWrite[0].Seq, seq);
                    lastSeq = seq;
                    for (var i = 0; i < toWrite.Count; i++)
                    {
                        Remember(messages[i]);
                        toWrite[i].Completion.TrySetResult(messages[i]);
                    }

                    // Live only after the commit: nobody sees a message that could still be lost.
                    var quiet = QuietForStudentsNow();
                    Deliver(toWrite.Zip(messages, (e, message) =>
                        new ChatEvent(ChatId, e.Seq, e.Type, message, [], QuietForStudents: quiet && e.Type == ChatEventType.Posted)).ToList());
                    NotifyPosted(toWrite, messages, quiet);
                    return;
                }

                if (attempt == 2)
                {
                    throw new InvalidOperationException("Repeated posts kept colliding with stored ones.");
                }

                var posts = toWrite.Where(e => e.Type == ChatEventType.Posted).Select(p => (p.AuthorId, p.ClientId!)).Distinct().ToList();
                toWrite = WithoutRepeats(toWrite, await store.FindPostsAsync(ChatId, posts));
            }
        }
        catch (Exception ex)
        {
            // The commit's outcome may be unknown (connection lost after COMMIT): read the log again before going on.
            logger.LogError(ex, "Chat {ChatId}: a batch of {Count} events was not acknowledged", ChatId, batch.Count);
            store.ForgetIfServerLost(ex);
            var before = lastSeq;
            lastSeq = await SafeLastSeqAsync();
            recentPosts.Clear();
            // Say "not saved" only when the log shows it: this grain is the log's single writer, so a log that still
            // ends where it did holds none of the batch. Otherwise (it committed after all, or the database cannot be
            // asked) the outcome is unconfirmed; a retry with the same client id returns what was stored, never a copy.
            var error = !positionUnknown && lastSeq == before
                ? new DomainException(NotSaved, "Сообщение не сохранено: сервер базы данных недоступен. Повторите отправку.")
                : new DomainException(Unconfirmed, "Не удалось подтвердить, что сообщение сохранено: сервер базы данных недоступен. " +
                    "Повторите отправку — копии не появится.");
            foreach (var e in batch)
            {
                e.Completion.TrySetException(error);
            }
        }
    }

    /// <summary>The events still to write: repeats of stored posts are answered now, twins in one batch share an answer.</summary>
    private List<PendingEvent> WithoutRepeats(List<PendingEvent> batch, Dictionary<(Guid, string), ChatMessage> stored)
    {
        var toWrite = new List<PendingEvent>();
        var firstOfKey = new Dictionary<(Guid, string), PendingEvent>();
        foreach (var e in batch)
        {
            if (e.Type != ChatEventType.Posted)
            {
                toWrite.Add(e);
                continue;
            }

            var key = (e.AuthorId, e.ClientId!);
            if (stored.TryGetValue(key, out var message) || recentPosts.TryGetValue(key, out message))
            {
                e.Completion.TrySetResult(message);
            }
            else if (firstOfKey.TryGetValue(key, out var twin))
            {
                _ = twin.Completion.Task.ContinueWith(t => e.Completion.TrySetResult(t.Result), TaskContinuationOptions.OnlyOnRanToCompletion);
                _ = twin.Completion.Task.ContinueWith(t => e.Completion.TrySetException(t.Exception!.InnerExceptions), TaskContinuationOptions.OnlyOnFaulted);
            }
            else
            {
                firstOfKey[key] = e;
                toWrite.Add(e);
            }
        }

        return toWrite;
    }

    // The last few thousand posts' client ids: a device retrying after a lost acknowledgement is answered from memory.
    private void Remember(ChatMessage message)
    {
        if (message.ClientId is null || !recentPosts.TryAdd((message.AuthorId, message.ClientId), message))
        {
            return;
        }

        recentOrder.Enqueue((message.AuthorId, message.ClientId));
        if (recentOrder.Count > 2000)
        {
            recentPosts.Remove(recentOrder.Dequeue());
        }
    }

    private async Task<long> SafeLastSeqAsync()
    {
        try
        {
            return await store.LastSeqAsync(ChatId);
        }
        catch (Exception ex)
        {
            // Still unreachable: the next commit reads the log's end first.
            logger.LogWarning(ex, "Chat {ChatId}: log position unknown until the database answers again", ChatId);
            positionUnknown = true;
            return lastSeq;
        }
    }

    private async Task<ChatMembership?> LoadMembershipAsync()
    {
        var location = await locator.FindClassChatAsync(ChatId);
        if (location is null)
        {
            // A channel's readers are the whole school: a removed reader must stay out of it too.
            return (await locator.FindListedChatAsync(ChatId))?.Without(await sanctions.ExcludedAsync(ChatId));
        }

        var roster = await rosters.LoadAsync(location.Value.ClassId);
        return roster is null ? null : ChatMembership.ForClass(roster, location.Value.ParentsChat).Without(await sanctions.ExcludedAsync(ChatId));
    }

    public Task PersonRenamedAsync(Guid userId)
    {
        authorNames.Remove(userId);
        return Task.CompletedTask;
    }

    private async Task<ChatMessage> ExistingAsync(long seq)
    {
        var message = await store.GetAsync(ChatId, seq) ?? throw new DomainException("message.unknown", "Такого сообщения нет.");
        return message.Deleted ? throw new DomainException("message.deleted", "Сообщение удалено.") : message;
    }

    private async Task<string> AuthorNameAsync(Guid userId)
    {
        if (!authorNames.TryGetValue(userId, out var name))
        {
            var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
            name = profile?.Name.DisplayName ?? PersonalData.FormerMember.Name;
            authorNames[userId] = name;
        }

        return name;
    }

    private List<ChatAttachment> ValidAttachments(IReadOnlyList<ChatAttachment> attachments)
    {
        if (attachments.Count > AttachmentRules.MaxPerMessage)
        {
            throw new DomainException("attachment.too-many", "Не больше {0} файлов в одном сообщении.", AttachmentRules.MaxPerMessage);
        }

        var valid = new List<ChatAttachment>();
        foreach (var a in attachments)
        {
            var name = AttachmentRules.CleanName(a.FileName ?? "");
            var type = AttachmentRules.ContentTypeFor(name);
            if (a.Hash is not { Length: 64 } || !a.Hash.All(char.IsAsciiHexDigitLower) || name.Length == 0 || a.Size <= 0)
            {
                throw new DomainException("attachment.invalid", "Файл не загружен: попробуйте прикрепить его ещё раз.");
            }

            if (type is null)
            {
                throw new DomainException("attachment.type", "Файлы «{0}» прикреплять нельзя.", Path.GetExtension(name));
            }

            valid.Add(new ChatAttachment(a.Hash, name, type, a.Size));
        }

        return valid;
    }

    private string ValidText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("message.empty", "Сообщение пустое.");
        }

        if (text.Length > options.Value.MaxMessageLength)
        {
            throw new DomainException("message.too-long", "Сообщение длиннее {0} символов.", options.Value.MaxMessageLength);
        }

        return text.Trim();
    }

    /// <summary>Counts a send against the person's limit; the returned stamp is given back if the send is not saved.</summary>
    private DateTimeOffset CheckRate(Guid userId)
    {
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromSeconds(options.Value.RateLimitWindowSeconds);
        if (!recentSends.TryGetValue(userId, out var times))
        {
            recentSends[userId] = times = [];
        }

        times.RemoveAll(t => now - t > window);
        if (times.Count >= options.Value.RateLimitCount)
        {
            metrics.RateLimited("chat.send");
            throw new DomainException("message.rate-limited",
                "Слишком много сообщений: не больше {0} за {1} с. Подождите немного.", options.Value.RateLimitCount, options.Value.RateLimitWindowSeconds);
        }

        times.Add(now);
        return now;
    }

    // A send that was not saved (the database was down) does not use up the person's allowance: they will retry.
    private async Task<ChatMessage> CountedAsync(Guid userId, DateTimeOffset stamp, Task<ChatMessage> send)
    {
        try
        {
            return await send;
        }
        catch (DomainException ex) when (ex.Code is NotSaved or Unconfirmed)
        {
            recentSends.GetValueOrDefault(userId)?.Remove(stamp);
            throw;
        }
    }

    private void RequireMember(Guid userId)
    {
        if (userId != Guid.Empty && !membership.IsMember(userId))
        {
            throw DomainException.Forbidden("chat.forbidden-not-member", "Вы не участник этого чата.");
        }
    }

    private void RequirePoster(Guid userId)
    {
        RequireMember(userId);
        if (!membership.CanPost(userId))
        {
            throw DomainException.Forbidden("chat.forbidden-read-only", "В этом чате вы можете только читать.");
        }

        RequireNotMuted(userId);
    }
}
