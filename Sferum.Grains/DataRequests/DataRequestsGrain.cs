using System.Globalization;
using Microsoft.Extensions.Options;
using Sferum.Audit;
using Sferum.Common;
using Sferum.Identity;
using Sferum.PersonalData;
using Sferum.Platform;
using Sferum.Schools;

namespace Sferum.DataRequests;

/// <summary>
/// A school's formal data-subject requests. Only the school's appointed admins act here: the school is the operator
/// and answers for its people; a platform operator as such is not the school. Every change is audited with the person
/// the request is about (never their name in the entry: the log may not change, a name must stay erasable).
/// </summary>
public sealed class DataRequestsGrain(
    // Its own state name: grain storage keys rows by state name and key, and the school's grain (same key) uses "state".
    [PersistentState("dataRequests", GrainStorage.Default)] IPersistentState<DataRequestsState> state,
    DataRequestStore store,
    SchoolPersonDirectory people,
    SubjectDataReader subjects,
    RequestDeadlines deadlines,
    IOptions<RequestDeadlineOptions> deadlineOptions,
    OperatorStore operators,
    AuditLog audit,
    TimeProvider clock) : Grain, IDataRequestsGrain, ISchoolScoped
{
    public Guid? AuditSchoolId => SchoolId;

    private Guid SchoolId => this.GetPrimaryKey();

    public async Task<IReadOnlyList<PersonCandidate>> FindPeopleAsync(Guid requesterUserId, string query)
    {
        await RequireAdminAsync(requesterUserId);
        query = query?.Trim() ?? "";
        if (query.Length is < 2 or > 100)
        {
            throw new DomainException("person.query-invalid", "Поиск: введите от 2 до 100 букв фамилии или имени.");
        }

        return (await people.FindAsync(SchoolId, query)).Select(p => p.ToCandidate()).ToList();
    }

    public async Task<PersonChoice> GetPersonAsync(Guid requesterUserId, string personKey)
    {
        await RequireAdminAsync(requesterUserId);
        var person = await people.ResolveAsync(SchoolId, personKey ?? "") ?? throw new DomainException("person.unknown", "Такого человека в школе нет.");
        var representatives = await people.RepresentativesAsync(SchoolId, person);
        return new PersonChoice(person.ToCandidate(), representatives.Select(p => p.ToCandidate()).ToList());
    }

    public async Task<DataRequestView> RegisterAsync(Guid requesterUserId, DataRequestDraft draft)
    {
        await RequireAdminAsync(requesterUserId);
        var today = await TodayAsync();
        if (await store.GetAsync(SchoolId, draft.RequestId) is { } existing)
        {
            return existing.ToView(today);
        }

        var record = await ValidateAsync(requesterUserId, draft, today);
        var entry = Entry(requesterUserId, record, "data-request.registered",
            $"Зарегистрирован запрос субъекта персональных данных: {DataRequestKinds.Describe(record.Kind).ToLowerInvariant()}, получен {Day(record.ReceivedOn)}, срок до {Day(record.DueOn)}",
            new() { ["kind"] = record.Kind.ToString(), ["received_on"] = Day(record.ReceivedOn), ["due_on"] = Day(record.DueOn), ["by_representative"] = record.ByRepresentative });
        await store.AddAsync(record, entry);
        return (await LoadAsync(record.RequestId)).ToView(today);
    }

    public async Task<DataRequestQueue> QueueAsync(Guid requesterUserId, bool includeClosed)
    {
        await RequireAdminAsync(requesterUserId);
        var today = await TodayAsync();
        var requests = await store.ListAsync(SchoolId, includeClosed);
        var ordered = requests.Where(r => !r.Closed).OrderBy(r => r.NextDueOn).ThenBy(r => r.RegisteredAt)
            .Concat(requests.Where(r => r.Closed).OrderByDescending(r => r.ClosedOn).ThenByDescending(r => r.RegisteredAt));
        return new DataRequestQueue(today, ordered.Select(r => r.ToView(today)).ToList());
    }

    public async Task<DataRequestView> GetAsync(Guid requesterUserId, Guid requestId)
    {
        await RequireAdminAsync(requesterUserId);
        return (await LoadAsync(requestId)).ToView(await TodayAsync());
    }

    public async Task<DataRequestView> ExtendAsync(Guid requesterUserId, Guid requestId, string reason)
    {
        await RequireAdminAsync(requesterUserId);
        var (request, today) = (await LoadAsync(requestId), await TodayAsync());
        reason = reason?.Trim() ?? "";
        if (request.Kind != DataRequestKind.Access)
        {
            throw new DomainException("request.not-extendable", "Продлить можно только срок ответа на запрос о доступе к данным.");
        }

        RequireOpen(request);
        if (request.ExtendedOn is not null)
        {
            throw new DomainException("request.already-extended", "Срок уже продлевался: продлить его можно только один раз.");
        }

        if (today > request.DueOn)
        {
            throw new DomainException("request.overdue", "Срок истёк {0}: продлить его можно было только до этого дня.", Day(request.DueOn));
        }

        if (reason.Length is < 10 or > 1000)
        {
            throw new DomainException("request.reason-invalid", "Причина продления: от 10 до 1000 символов — её получит заявитель в уведомлении.");
        }

        var extended = request with { DueOn = deadlines.Extend(request.DueOn), ExtendedOn = today, ExtensionReason = reason };
        await store.UpdateAsync(extended, Entry(requesterUserId, extended, "data-request.extended",
            $"Срок ответа продлён на {deadlines.ExtensionWorkingDays} рабочих дней, до {Day(extended.DueOn)}; заявителю направлено уведомление с причиной",
            new() { ["reason"] = reason, ["previous_due_on"] = Day(request.DueOn), ["due_on"] = Day(extended.DueOn), ["notice_sent_on"] = Day(today) }));
        return extended.ToView(today);
    }

    public async Task<DataRequestView> MarkStoppedAsync(Guid requesterUserId, Guid requestId)
    {
        await RequireAdminAsync(requesterUserId);
        var (request, today) = (await LoadAsync(requestId), await TodayAsync());
        if (request.Kind != DataRequestKind.UnlawfulProcessing)
        {
            throw new DomainException("request.not-unlawful", "Прекращение обработки отмечается только в запросе о неправомерной обработке.");
        }

        RequireOpen(request);
        if (request.StoppedOn is not null)
        {
            return request.ToView(today);
        }

        var stopped = request with { StoppedOn = today };
        await store.UpdateAsync(stopped, Entry(requesterUserId, stopped, "data-request.processing-stopped",
            $"Неправомерная обработка прекращена {Day(today)}; уничтожить данные — до {Day(stopped.DestroyDueOn ?? stopped.DueOn)}", new()));
        return stopped.ToView(today);
    }

    public async Task<DataRequestView> CloseAsync(Guid requesterUserId, Guid requestId, string outcome)
    {
        await RequireAdminAsync(requesterUserId);
        var (request, today) = (await LoadAsync(requestId), await TodayAsync());
        RequireOpen(request);
        outcome = outcome?.Trim() ?? "";
        if (outcome.Length is < 3 or > 2000)
        {
            throw new DomainException("request.outcome-invalid", "Итог: опишите, что сделано (от 3 до 2000 символов).");
        }

        var closed = request with
        {
            ClosedOn = today,
            Outcome = outcome,
            StoppedOn = request.Kind == DataRequestKind.UnlawfulProcessing ? request.StoppedOn ?? today : request.StoppedOn,
        };
        var late = request.NextDueOn is { } due && today > due;
        await store.UpdateAsync(closed, Entry(requesterUserId, closed, "data-request.closed",
            $"Запрос субъекта закрыт {Day(today)}{(late ? " (после срока)" : "")}", new() { ["outcome"] = outcome, ["late"] = late }));
        return closed.ToView(today);
    }

    public async Task<AccessAnswer> PrepareAccessAnswerAsync(Guid requesterUserId, Guid requestId)
    {
        await RequireAdminAsync(requesterUserId);
        var request = await LoadAsync(requestId);
        if (request.Kind != DataRequestKind.Access)
        {
            throw new DomainException("request.not-access", "Ответ с перечнем данных готовится только на запрос о доступе к данным.");
        }

        var school = await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).GetAsync() ?? throw new DomainException("school.unknown", "Такой школы нет.");
        var account = request.SubjectUserId is { } userId ? await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync() : null;
        var data = await subjects.ReadAsync(SchoolId, request.SubjectUserId, request.SubjectJournalId, account);
        var today = await TodayAsync();
        // Written before the answer leaves: it is a read of the person's data by staff.
        await audit.WriteAsync(Entry(requesterUserId, request, "data-request.answer-prepared",
            "Подготовлен ответ на запрос о доступе к персональным данным (перечень данных субъекта)", new()));
        var details = await operators.GetAsync(SchoolId) ?? new OperatorDetails(school.Name, "");
        return AccessAnswerComposer.Compose(request, school, details, data, deadlineOptions.Value, today);
    }

    /// <summary>Moves the operator details an older version kept in this grain's state into the one store (once).</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Details is { } old && old != LegacyOperatorNotes.Empty)
        {
            await operators.FillMissingAsync(SchoolId, new OperatorDetails("", old.Address, old.Responsible, "", old.Processors, old.Retention));
            state.State.Details = null;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private async Task<DataRequestRecord> ValidateAsync(Guid requesterUserId, DataRequestDraft draft, DateOnly today)
    {
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new DomainException("request.kind-invalid", "Вид запроса: выберите один из предложенных.");
        }

        var subject = await people.ResolveAsync(SchoolId, draft.SubjectKey ?? "")
            ?? throw new DomainException("request.subject-invalid", "Субъект: выберите человека, о котором запрос, из списка школы.");
        SchoolPerson? representative = null;
        if (!string.IsNullOrEmpty(draft.RepresentativeKey))
        {
            representative = (await people.RepresentativesAsync(SchoolId, subject)).FirstOrDefault(p => p.Key == draft.RepresentativeKey)
                ?? throw new DomainException("request.representative-invalid", "Заявитель: этот человек не указан в школе родителем (законным представителем) выбранного ученика.");
        }

        if (draft.ReceivedOn > today)
        {
            throw new DomainException("request.received-future", "Дата получения: не может быть позже сегодняшнего дня.");
        }

        if (draft.ReceivedOn < today.AddYears(-1))
        {
            throw new DomainException("request.received-too-old", "Дата получения: не раньше чем год назад.");
        }

        var details = draft.Details?.Trim() ?? "";
        if (details.Length > 2000)
        {
            throw new DomainException("request.details-too-long", "Содержание запроса: не длиннее 2000 символов.");
        }

        var (due, destroyDue) = deadlines.For(draft.Kind, draft.ReceivedOn);
        var by = representative ?? subject;
        return new DataRequestRecord(draft.RequestId, SchoolId, draft.Kind, subject.UserId, subject.JournalId, subject.Name, representative is not null,
            by.UserId, by.JournalId, by.Name, details, draft.ReceivedOn, due, destroyDue, null, null, null, null, null, requesterUserId, clock.GetUtcNow());
    }

    private async Task<DataRequestRecord> LoadAsync(Guid requestId) =>
        await store.GetAsync(SchoolId, requestId) ?? throw new DomainException("request.unknown", "Такого запроса нет.");

    private static void RequireOpen(DataRequestRecord request)
    {
        if (request.Closed)
        {
            throw new DomainException("request.closed", "Запрос закрыт {0}.", Day(request.ClosedOn!.Value));
        }
    }

    private async Task RequireAdminAsync(Guid userId)
    {
        if (!await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).IsAppointedAdminAsync(userId))
        {
            throw DomainException.Forbidden("request.forbidden", "Запросы субъектов персональных данных ведут только администраторы школы.");
        }
    }

    // "Today" is the school's: a letter that arrived on Monday in Vladivostok arrived on Monday.
    private async Task<DateOnly> TodayAsync()
    {
        var school = await GrainFactory.GetGrain<ISchoolGrain>(SchoolId).GetAsync();
        return SchoolClock.For(school?.TimeZone).Date(clock.GetUtcNow());
    }

    private AuditEntry Entry(Guid actor, DataRequestRecord request, string action, string summary, Dictionary<string, object?> details)
    {
        details["request"] = request.RequestId;
        if (request.SubjectUserId is null)
        {
            // Someone on the roster who never signed in has no user id: the journal's id names them instead.
            details["subject_journal_id"] = request.SubjectJournalId;
        }

        return new AuditEntry(SchoolId, actor, null, action, summary, details, SubjectUserId: request.SubjectUserId);
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
