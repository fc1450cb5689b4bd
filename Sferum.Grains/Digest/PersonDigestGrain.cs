using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sferum.Chats;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Digest;

/// <summary>
/// One person's digest. Not reentrant: the scheduler's run and a "run now" never overlap. A letter is composed once
/// (its ranges recorded in <c>digest_sends</c> before the first attempt), resent with the same Message-ID until the
/// SMTP server takes it, and marked sent in the transaction that moves the watermarks, so the same messages never go
/// into a second letter.
/// </summary>
public sealed class PersonDigestGrain(DigestStore store, DigestMailer mailer, IOptions<DigestOptions> options, TimeProvider clock,
    ILogger<PersonDigestGrain> logger) : Grain, IPersonDigestGrain
{
    private Guid UserId => this.GetPrimaryKey();

    private DigestOptions Options => options.Value;

    public async Task<DigestSettings> GetSettingsAsync(Guid requesterUserId)
    {
        RequireSelf(requesterUserId);
        return await SettingsAsync();
    }

    public async Task<DigestSettings> SetSettingsAsync(Guid requesterUserId, DigestChoice choice)
    {
        RequireSelf(requesterUserId);
        if (choice.EveryHours is < 0 or > 24 || choice.SendHour is < 0 or > 23)
        {
            throw new DomainException("digest.schedule-invalid", "Сводка: выберите час от 0 до 23 или период от 1 до 24 часов.");
        }

        if (choice.Enabled && (await GrainFactory.GetGrain<IUserGrain>(UserId).GetProfileAsync())?.Email is null)
        {
            throw new DomainException("digest.no-address",
                "В вашей учётной записи нет подтверждённого адреса электронной почты: сводку некуда отправлять.");
        }

        await store.SaveSettingsAsync(UserId, choice.Enabled, choice.EveryHours, choice.SendHour);
        // The new schedule starts from now: the first letter comes at the next chosen time.
        await store.SetNextDueAsync(UserId, choice.Enabled ? DigestSchedule.Next(clock.GetUtcNow(), choice.EveryHours, choice.SendHour, await TimeZoneAsync()) : null);
        logger.LogInformation("Digest of {UserId} turned {State}", UserId, choice.Enabled ? "on" : "off");
        return await SettingsAsync();
    }

    public Task<DigestRun> RunIfDueAsync() => RunAsync(force: false);

    public Task<DigestRun> RunNowAsync() => RunAsync(force: true);

    private async Task<DigestRun> RunAsync(bool force)
    {
        if (!Options.Enabled)
        {
            return new DigestRun(DigestOutcome.Disabled, null, null);
        }

        var (on, everyHours, sendHour, _) = await EffectiveAsync();
        var pending = await store.PendingAsync(UserId);
        if (!on)
        {
            await store.SetNextDueAsync(UserId, null);
            if (pending is not null)
            {
                await store.DropPendingAsync(pending.DigestId);
            }

            return new DigestRun(DigestOutcome.Off, null, null);
        }

        var now = clock.GetUtcNow();
        var due = await store.NextDueAsync(UserId);
        if (!force && pending is null && due > now)
        {
            return new DigestRun(DigestOutcome.NotDue, null, due);
        }

        if (!force && pending is not null && pending.NextAttemptAt > now)
        {
            // The retry's time is the person's next one: the scheduler does not ask again before it.
            await store.SetNextDueAsync(UserId, pending.NextAttemptAt);
            return new DigestRun(DigestOutcome.NotDue, pending.DigestId, pending.NextAttemptAt);
        }

        var chats = await ChatsAsync();
        var timeZone = chats.Count > 0 ? chats[0].QuietHours.TimeZone : SchoolClock.FallbackZoneId;
        var next = DigestSchedule.Next(now, everyHours, sendHour, timeZone);
        var profile = await GrainFactory.GetGrain<IUserGrain>(UserId).GetProfileAsync();
        if (profile?.Email is null)
        {
            await store.SetNextDueAsync(UserId, next);
            return new DigestRun(DigestOutcome.NoAddress, null, next);
        }

        if (pending is null)
        {
            if (!force && due is null)
            {
                // A parent whose school turned the default on starts at the next chosen time, not at once.
                await store.SetNextDueAsync(UserId, next);
                return new DigestRun(DigestOutcome.NotDue, null, next);
            }

            var marks = await store.WatermarksAsync(UserId);
            var ranges = chats.Where(c => c.LastSeq > marks.GetValueOrDefault(c.ChatId))
                .Select(c => new DigestRange(c.ChatId, marks.GetValueOrDefault(c.ChatId), c.LastSeq)).ToList();
            var letterChats = await UnreadAsync(ranges, chats);
            if (letterChats.Count == 0)
            {
                await store.SetNextDueAsync(UserId, next);
                return new DigestRun(DigestOutcome.NothingNew, null, next);
            }

            if (QuietUntil(letterChats.Select(c => c.Chat), now) is { } quietEnd)
            {
                await store.SetNextDueAsync(UserId, quietEnd);
                return new DigestRun(DigestOutcome.QuietHours, null, quietEnd);
            }

            pending = await store.AddPendingAsync(UserId, letterChats.Select(c => c.Range).ToList(), now);
        }

        return await SendAsync(pending, chats, profile, next, now);
    }

    private async Task<DigestRun> SendAsync(DigestStore.Pending pending, List<ChatInfo> chats, UserProfile profile, DateTimeOffset next, DateTimeOffset now)
    {
        // A retry says what is still unread of the same ranges: what was read or deleted meanwhile is left out.
        var letterChats = await UnreadAsync(pending.Ranges, chats);
        if (letterChats.Count == 0)
        {
            await store.DropPendingAsync(pending.DigestId);
            await store.SetNextDueAsync(UserId, next);
            return new DigestRun(DigestOutcome.NothingNew, null, next);
        }

        if (QuietUntil(letterChats.Select(c => c.Chat), now) is { } quietEnd)
        {
            await store.PostponeAsync(pending.DigestId, quietEnd);
            await store.SetNextDueAsync(UserId, quietEnd);
            return new DigestRun(DigestOutcome.QuietHours, pending.DigestId, quietEnd);
        }

        var token = await store.TokenAsync(UserId, (await EffectiveAsync()).SendHour);
        var letter = new DigestLetter(pending.DigestId, profile.Name.FirstName is { Length: > 0 } first ? first : profile.Name.FullName,
            profile.Email!, letterChats.Select(c => c.Letter).ToList(), Link($"/Digest/Unsubscribe?token={Uri.EscapeDataString(token)}"),
            Link("/Profile#digest"));
        try
        {
            await mailer.SendAsync(DigestComposer.Compose(letter, Options.Smtp.From!, Options.Smtp.FromName));
        }
        catch (Exception ex)
        {
            var wait = TimeSpan.FromMinutes(Math.Min(Options.MaxRetryMinutes, Options.RetryMinutes * Math.Pow(2, pending.Attempts)));
            var error = DigestMailer.Describe(ex);
            await store.MarkFailedAsync(pending.DigestId, error, now + wait);
            await store.SetNextDueAsync(UserId, now + wait);
            logger.LogWarning("Digest {DigestId} of {UserId} not sent ({Error}); attempt {Attempt}, next in {Wait}",
                pending.DigestId, UserId, error, pending.Attempts + 1, wait);
            return new DigestRun(DigestOutcome.Failed, pending.DigestId, now + wait);
        }

        await store.MarkSentAsync(UserId, pending, clock.GetUtcNow());
        await store.SetNextDueAsync(UserId, next);
        logger.LogInformation("Digest {DigestId} of {UserId} sent: {Chats} chats, {Messages} messages",
            pending.DigestId, UserId, letter.Chats.Count, letter.Chats.Sum(c => c.Count));
        return new DigestRun(DigestOutcome.Sent, pending.DigestId, next);
    }

    private async Task<List<(DigestRange Range, ChatInfo Chat, DigestChat Letter)>> UnreadAsync(IReadOnlyList<DigestRange> ranges, List<ChatInfo> chats)
    {
        var byId = chats.ToDictionary(c => c.ChatId);
        var result = new List<(DigestRange, ChatInfo, DigestChat)>();
        foreach (var range in ranges)
        {
            // A chat the person has left since is not reported.
            if (!byId.TryGetValue(range.Chat, out var chat))
            {
                continue;
            }

            var unread = await store.UnreadAsync(range.Chat, UserId, range.After, range.UpTo, Math.Max(0, Options.TextsPerChat));
            if (unread.Count == 0)
            {
                continue;
            }

            var quotes = (await store.PolicyAsync(chat.SchoolId)).IncludeText ? unread.Quotes : null;
            result.Add((range, chat, new DigestChat(chat.Title, Link($"/Chats/{chat.ChatId}"), unread.Count, unread.Authors, quotes)));
        }

        return result;
    }

    private static DateTimeOffset? QuietUntil(IEnumerable<ChatInfo> chats, DateTimeOffset now) =>
        chats.Select(c => c.QuietHours.EndOf(now)).Where(e => e is not null).Max();

    private async Task<List<ChatInfo>> ChatsAsync()
    {
        var list = new List<ChatInfo>();
        var quiet = new Dictionary<Guid, QuietHours>();
        foreach (var chatId in await GrainFactory.GetGrain<IUserGrain>(UserId).GetChatIdsAsync())
        {
            var grain = GrainFactory.GetGrain<IChatGrain>(chatId);
            ChatSummary summary;
            ChatAccess access;
            try
            {
                summary = await grain.GetSummaryAsync(UserId);
                access = await grain.GetAccessAsync(UserId);
            }
            catch (DomainException ex) when (ex.Code == "forbidden")
            {
                continue; // no longer a member: the chat grain is the last word
            }

            if (!quiet.TryGetValue(access.SchoolId, out var hours))
            {
                quiet[access.SchoolId] = hours = await GrainFactory.GetGrain<ISchoolGrain>(access.SchoolId).GetQuietHoursAsync();
            }

            list.Add(new ChatInfo(chatId, access.SchoolId, summary.Title, summary.LastSeq, hours));
        }

        return list;
    }

    private async Task<DigestSettings> SettingsAsync()
    {
        var (on, every, hour, fromDefault) = await EffectiveAsync();
        var profile = await GrainFactory.GetGrain<IUserGrain>(UserId).GetProfileAsync();
        return new DigestSettings(on, every, hour, fromDefault, profile?.Email, on ? await store.NextDueAsync(UserId) : null, await store.LastSentAsync(UserId),
            Options.Enabled);
    }

    private async Task<(bool On, int EveryHours, int SendHour, bool FromDefault)> EffectiveAsync()
    {
        var own = await store.GetSettingsAsync(UserId);
        if (own?.Enabled is { } enabled)
        {
            return (enabled, own.EveryHours, own.SendHour, false);
        }

        return await store.ParentDefaultHourAsync(UserId) is { } hour
            ? (true, 0, hour, true)
            : (false, own?.EveryHours ?? 0, own?.SendHour ?? SchoolDigestPolicy.Default.ParentsHour, false);
    }

    private async Task<string> TimeZoneAsync()
    {
        var chats = await ChatsAsync();
        return chats.Count > 0 ? chats[0].QuietHours.TimeZone : SchoolClock.FallbackZoneId;
    }

    private Uri Link(string path) => new(new Uri(Options.PublicUrl!.TrimEnd('/') + "/"), path.TrimStart('/'));

    private void RequireSelf(Guid requesterUserId)
    {
        if (requesterUserId != UserId)
        {
            throw DomainException.Forbidden("digest.forbidden-person", "Настройки сводки может менять только сам человек.");
        }
    }

    private sealed record ChatInfo(Guid ChatId, Guid SchoolId, string Title, long LastSeq, QuietHours QuietHours);
}
