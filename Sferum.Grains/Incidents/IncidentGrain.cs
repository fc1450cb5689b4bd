using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Notices;
using Sferum.Schools;

namespace Sferum.Incidents;

/// <summary>
/// One incident. Its row in <c>incidents</c> is the truth; the grain keeps its deadlines with one durable reminder,
/// re-registered for the next moment someone must be told (<see cref="IncidentStages"/>), with an hourly period only as
/// a backstop should a tick fail. Notices are unique per incident, stage and person, so a tick repeated tells nobody twice.
/// </summary>
public sealed class IncidentGrain(
    IncidentStore store,
    NoticeStore notices,
    ResponsiblePeople responsible,
    IOptions<IncidentOptions> options,
    TimeProvider clock,
    ILogger<IncidentGrain> logger) : Grain, IIncidentGrain, IRemindable, ISchoolScoped
{
    public const string ReminderName = "deadlines";

    private IncidentRecord? record;
    private Guid? pendingSchool;

    public Guid? AuditSchoolId => record?.SchoolId ?? pendingSchool;

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => record = await store.GetAsync(Id);

    public async Task<IncidentView> RegisterAsync(Guid requesterUserId, IncidentDraft draft)
    {
        pendingSchool = draft.SchoolId;
        await RequireStaffAsync(requesterUserId, draft.SchoolId);
        if (record is not null)
        {
            if (record.SchoolId != draft.SchoolId)
            {
                throw new DomainException("incident.exists", "Инцидент с этим номером уже зарегистрирован в другой школе.");
            }

            // A retry after a failure between storing and tracking: the deadlines are taken over now.
            if (record.TrackedAt is null)
            {
                await TrackAsync();
            }

            return await ViewAsync();
        }

        var school = await GrainFactory.GetGrain<ISchoolGrain>(draft.SchoolId).GetAsync()
            ?? throw new DomainException("incident.school-invalid", "Школа: такой школы нет.");
        var now = clock.GetUtcNow();
        var detected = IncidentRules.DetectedAt(draft.DetectedAt, now);
        var o = options.Value;
        var added = new IncidentRecord(Id, draft.SchoolId, IncidentStatus.Open, IncidentSources.Manual, IncidentRules.Description(draft.Description),
            IncidentRules.DataSubjects(draft.DataSubjects), IncidentRules.PeopleCount(draft.PeopleCount), detected,
            IncidentRules.Optional(draft.Measures, "Что сделано"), "", "", "", "", requesterUserId, now,
            detected.AddHours(o.FirstNoticeHours), null, null, detected.AddHours(o.ResultsHours), null, null, null, null, null, null);
        var times = IncidentClock.For(school.TimeZone);
        await store.AddAsync(added, Entry(requesterUserId, added, "incident.registered",
            $"Зарегистрирован инцидент с персональными данными: первое уведомление в Роскомнадзор до {times.Format(added.FirstNoticeDue)}, результаты — до {times.Format(added.ResultsDue)}"));
        record = await store.GetAsync(Id);
        await TrackAsync();
        return await ViewAsync();
    }

    public async Task<IncidentView> GetAsync(Guid requesterUserId)
    {
        await LoadedAsync(requesterUserId);
        return await ViewAsync();
    }

    public async Task<IncidentView> UpdateAsync(Guid requesterUserId, IncidentUpdate update)
    {
        var r = await UnresolvedAsync(requesterUserId);
        var changed = r with
        {
            Description = IncidentRules.Description(update.Description),
            DataSubjects = IncidentRules.DataSubjects(update.DataSubjects),
            PeopleCount = IncidentRules.PeopleCount(update.PeopleCount),
            Measures = IncidentRules.Optional(update.Measures, "Что сделано"),
            Causes = IncidentRules.Optional(update.Causes, "Предполагаемые причины"),
            Harm = IncidentRules.Optional(update.Harm, "Предполагаемый вред"),
            Findings = IncidentRules.Optional(update.Findings, "Результаты расследования"),
            Contact = IncidentRules.Optional(update.Contact, "Контактное лицо"),
        };
        if (changed != r)
        {
            await SaveAsync(changed, Entry(requesterUserId, changed, "incident.updated", "Уточнены сведения об инциденте с персональными данными"));
        }

        return await ViewAsync();
    }

    public async Task<IncidentView> ConfirmAsync(Guid requesterUserId)
    {
        var r = await UnresolvedAsync(requesterUserId);
        if (r.Status == IncidentStatus.Review)
        {
            var confirmed = r with { Status = IncidentStatus.Open };
            await SaveAsync(confirmed, Entry(requesterUserId, confirmed, "incident.confirmed", "Сигнал проверен: признан инцидентом с персональными данными"));
        }

        return await ViewAsync();
    }

    public async Task<IncidentView> MarkNoticeSentAsync(Guid requesterUserId, IncidentNotice notice, DateTimeOffset sentAt)
    {
        var r = await UnresolvedAsync(requesterUserId);
        if (!Enum.IsDefined(notice))
        {
            throw new DomainException("incident.notice-invalid", "Уведомление: первое или о результатах расследования.");
        }

        var already = notice == IncidentNotice.First ? r.FirstNoticeSentAt : r.ResultsSentAt;
        var times = await ClockAsync();
        if (already is { } at)
        {
            throw new DomainException("incident.notice-already-sent", "Это уведомление уже отмечено отправленным: {0}.", times.Format(at));
        }

        sentAt = IncidentRules.SentAt(sentAt, clock.GetUtcNow(), r.DetectedAt);
        var sent = notice == IncidentNotice.First
            ? r with { FirstNoticeSentAt = sentAt, FirstNoticeSentBy = requesterUserId }
            : r with { ResultsSentAt = sentAt, ResultsSentBy = requesterUserId };
        var due = notice == IncidentNotice.First ? r.FirstNoticeDue : r.ResultsDue;
        var what = notice == IncidentNotice.First ? "Первое уведомление" : "Уведомление о результатах расследования";
        await SaveAsync(sent, Entry(requesterUserId, sent, "incident.notice-sent",
            $"{what} в Роскомнадзор направлено {times.Format(sentAt)}{(sentAt > due ? " — позже срока" : "")}"));
        await TrackAsync();
        return await ViewAsync();
    }

    public async Task<IncidentView> ResolveAsync(Guid requesterUserId, bool dismissed, string note)
    {
        var r = await UnresolvedAsync(requesterUserId);
        note = IncidentRules.Note(note);
        if (!dismissed && !r.NoticesSent)
        {
            throw new DomainException("incident.notices-pending", "Закрыть инцидент можно после отправки обоих уведомлений: отметьте их отправку.");
        }

        var resolved = r with
        {
            Status = dismissed ? IncidentStatus.Dismissed : IncidentStatus.Closed,
            ResolvedAt = clock.GetUtcNow(),
            ResolvedBy = requesterUserId,
            Resolution = note,
        };
        await SaveAsync(resolved, Entry(requesterUserId, resolved, dismissed ? "incident.dismissed" : "incident.closed",
            dismissed ? "Инцидент не подтвердился: напоминания остановлены" : "Инцидент с персональными данными закрыт"));
        await TrackAsync();
        return await ViewAsync();
    }

    public async Task WatchAsync()
    {
        record = await store.GetAsync(Id);
        await TrackAsync();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        record = await store.GetAsync(Id);
        await TrackAsync();
    }

    // Tells whoever must be told now, then sets the reminder for the next moment (or drops it when nothing is left).
    private async Task TrackAsync()
    {
        if (record is null)
        {
            await ForgetReminderAsync();
            return;
        }

        var school = await GrainFactory.GetGrain<ISchoolGrain>(record.SchoolId).GetAsync();
        var stages = IncidentStages.For(record, school?.Name ?? "", IncidentClock.For(school?.TimeZone), options.Value);
        var now = clock.GetUtcNow();
        var due = stages.Where(s => s.At <= now).ToList();
        if (due.Count > 0)
        {
            var people = await responsible.ForAsync(record.SchoolId, record.RegisteredBy);
            foreach (var stage in due)
            {
                await notices.AddAsync(people, record.SchoolId, Id, stage.Name, stage.Text, Link(record));
            }
        }

        var next = stages.Where(s => s.At > now).Select(s => (DateTimeOffset?)s.At).Min();
        if (next is { } at)
        {
            var wait = at - now;
            await this.RegisterOrUpdateReminder(ReminderName, wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, TimeSpan.FromHours(1));
            logger.LogInformation("Incident {IncidentId}: next reminder at {At}", Id, at);
        }
        else
        {
            await ForgetReminderAsync();
        }

        if (record.TrackedAt is null)
        {
            await store.MarkTrackedAsync(Id, now);
            record = record with { TrackedAt = now };
        }
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task SaveAsync(IncidentRecord changed, AuditEntry entry)
    {
        await store.UpdateAsync(changed, entry);
        record = changed;
    }

    private async Task<IncidentRecord> UnresolvedAsync(Guid requesterUserId)
    {
        var r = await LoadedAsync(requesterUserId);
        return r.Resolved ? throw new DomainException("incident.resolved", "Инцидент уже закрыт: изменить его нельзя.") : r;
    }

    // An incident nobody registered is "unknown" only to operators; anyone else hears the refusal they would hear for a real one.
    private async Task<IncidentRecord> LoadedAsync(Guid requesterUserId)
    {
        if (record is null)
        {
            throw await IsOperatorAsync(requesterUserId) ? new DomainException("incident.unknown", "Такого инцидента нет.") : Refusal();
        }

        await RequireStaffAsync(requesterUserId, record.SchoolId);
        return record;
    }

    private async Task RequireStaffAsync(Guid userId, Guid schoolId)
    {
        if (!await IsOperatorAsync(userId) && !await GrainFactory.GetGrain<ISchoolGrain>(schoolId).IsAppointedAdminAsync(userId))
        {
            throw Refusal();
        }
    }

    private async Task<bool> IsOperatorAsync(Guid userId) =>
        await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync() is { IsPlatformOperator: true, Trust: TrustLevel.Confirmed };

    private static DomainException Refusal() =>
        DomainException.Forbidden("incident.forbidden", "Инциденты с персональными данными видят только администраторы школы и операторы платформы.");

    private async Task<IncidentClock> ClockAsync() =>
        IncidentClock.For((await GrainFactory.GetGrain<ISchoolGrain>(record!.SchoolId).GetAsync())?.TimeZone);

    private async Task<IncidentView> ViewAsync()
    {
        var r = record!;
        var school = await GrainFactory.GetGrain<ISchoolGrain>(r.SchoolId).GetAsync();
        var (name, region, times) = (school?.Name ?? "", school?.Region ?? "", IncidentClock.For(school?.TimeZone));
        return new IncidentView(r.IncidentId, r.SchoolId, name, r.Status, r.Source, r.Description, r.DataSubjects, r.PeopleCount, r.DetectedAt,
            r.Measures, r.Causes, r.Harm, r.Findings, r.Contact, r.RegisteredAt, r.FirstNoticeDue, r.FirstNoticeSentAt, r.ResultsDue,
            r.ResultsSentAt, r.ResolvedAt, r.Resolution,
            IncidentNoticeDrafts.First(r, name, region, times, options.Value), IncidentNoticeDrafts.Results(r, name, region, times, options.Value));
    }

    private static string Link(IncidentRecord r) => $"/Schools/{r.SchoolId}/Incidents/{r.IncidentId}";

    private static AuditEntry Entry(Guid actor, IncidentRecord r, string action, string summary) =>
        new(r.SchoolId, actor, null, action, summary, new Dictionary<string, object?> { ["incident"] = r.IncidentId, ["source"] = r.Source });
}
