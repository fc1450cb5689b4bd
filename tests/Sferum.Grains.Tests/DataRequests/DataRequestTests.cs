using Sferum.Common;
using Sferum.DataRequests;
using Sferum.Grains.Tests.Chats;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.DataRequests;

/// <summary>
/// Formal requests registered by a school's admin, against the real silo and PostgreSQL: due dates in working days of
/// the configured calendar (the test cluster's holiday is the Monday after <see cref="GrainTestEnvironment.LastFriday"/>),
/// one extension with its reason, the queue's order, and everything in the audit log with the person it is about.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class DataRequestTests(GrainTestEnvironment env)
{
    private static readonly DateOnly Friday = GrainTestEnvironment.LastFriday;

    [Fact]
    public async Task Due_dates_skip_the_weekend_and_the_holiday_and_an_access_answer_is_extended_once_with_its_reason()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var requests = env.Grains.GetGrain<IDataRequestsGrain>(fx.SchoolId);
        var child = Assert.Single(await requests.FindPeopleAsync(fx.AdminId, "Васильева Наталья"));
        Assert.Equal("j:S000001", child.Key);
        var choice = await requests.GetPersonAsync(fx.AdminId, child.Key);
        Assert.Equal(["j:P000001", "j:P000002"], choice.Representatives.Select(r => r.Key).Order());

        var access = await Register(requests, fx.AdminId, DataRequestKind.Access, child.Key, "j:P000001");
        var correction = await Register(requests, fx.AdminId, DataRequestKind.Correction, child.Key, null);
        var unlawful = await Register(requests, fx.AdminId, DataRequestKind.UnlawfulProcessing, child.Key, "j:P000002");
        var withdrawal = await Register(requests, fx.AdminId, DataRequestKind.ConsentWithdrawal, child.Key, "j:P000001");

        // Friday's letter: the weekend and Monday (the holiday) do not count; the tenth working day is two weeks and a day on.
        Assert.Equal(Friday.AddDays(17), access.DueOn);
        Assert.Equal(Friday.AddDays(12), correction.DueOn);
        Assert.Equal((Friday.AddDays(6), Friday.AddDays(17)), (unlawful.DueOn, unlawful.DestroyDueOn!.Value));
        Assert.Equal(Friday.AddDays(30), withdrawal.DueOn);
        Assert.Equal(("Васильева Наталья Никитична", "Васильева София Сергеевна", true), (access.SubjectName, access.RequesterName, access.ByRepresentative));
        Assert.Equal((fx.Student, false), (access.SubjectUserId!.Value, correction.ByRepresentative));

        // The same form posted again registers nothing new.
        var again = await requests.RegisterAsync(fx.AdminId, new DataRequestDraft(access.RequestId, DataRequestKind.Correction, "j:S000002", null, Friday, null));
        Assert.Equal((access.Kind, access.DueOn), (again.Kind, again.DueOn));
        Assert.Equal(4, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM data_requests WHERE school_id = @s", ("s", fx.SchoolId)));

        var queue = await requests.QueueAsync(fx.AdminId, includeClosed: false);
        Assert.Equal([unlawful.RequestId, correction.RequestId, access.RequestId, withdrawal.RequestId], queue.Requests.Select(r => r.RequestId));
        Assert.All(queue.Requests, r => Assert.False(r.Overdue));
        // Only an access answer can be extended.
        Assert.Equal([false, false, true, false], queue.Requests.Select(r => r.CanExtend));

        Assert.Equal("request.reason-invalid", (await Refused(() => requests.ExtendAsync(fx.AdminId, access.RequestId, "надо"))).Code);
        var extended = await requests.ExtendAsync(fx.AdminId, access.RequestId, "Запрошены сведения из архива школы за прошлые годы");
        // Five more working days from Monday: the next Monday.
        Assert.Equal((Friday.AddDays(24), false), (extended.DueOn, extended.CanExtend));
        Assert.Equal("Запрошены сведения из архива школы за прошлые годы", extended.ExtensionReason);
        Assert.NotNull(extended.ExtendedOn);
        Assert.Equal("request.already-extended", (await Refused(() => requests.ExtendAsync(fx.AdminId, access.RequestId, "Ещё одна причина продлить"))).Code);
        Assert.Equal("request.not-extendable", (await Refused(() => requests.ExtendAsync(fx.AdminId, correction.RequestId, "Уточняем данные в журнале"))).Code);

        // Unlawful processing stopped: its destruction is what is due next; a closed request leaves the open queue.
        var stopped = await requests.MarkStoppedAsync(fx.AdminId, unlawful.RequestId);
        Assert.Equal(Friday.AddDays(17), stopped.NextDueOn);
        Assert.Equal("request.outcome-invalid", (await Refused(() => requests.CloseAsync(fx.AdminId, correction.RequestId, " "))).Code);
        var closed = await requests.CloseAsync(fx.AdminId, correction.RequestId, "Дата рождения исправлена в журнале и в Сферуме");
        Assert.Null(closed.NextDueOn);
        Assert.Equal("request.closed", (await Refused(() => requests.CloseAsync(fx.AdminId, correction.RequestId, "ещё раз"))).Code);
        Assert.DoesNotContain(correction.RequestId, (await requests.QueueAsync(fx.AdminId, false)).Requests.Select(r => r.RequestId));
        Assert.Equal(correction.RequestId, (await requests.QueueAsync(fx.AdminId, true)).Requests[^1].RequestId);

        // Every step is in the school's log, about the child (who has an account), and no entry names anyone.
        Assert.Equal(4, await Audited(fx, "data-request.registered"));
        Assert.Equal(1, await Audited(fx, "data-request.extended", "AND details->>'reason' = 'Запрошены сведения из архива школы за прошлые годы'"));
        Assert.Equal(1, await Audited(fx, "data-request.processing-stopped"));
        Assert.Equal(1, await Audited(fx, "data-request.closed"));
        Assert.Equal(0, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action LIKE 'data-request.%' AND (summary LIKE '%Васильев%' OR details::text LIKE '%Васильев%')",
            ("s", fx.SchoolId)));
    }

    [Fact]
    public async Task An_overdue_request_is_marked_and_no_longer_extended_and_bad_registrations_name_the_field()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var requests = env.Grains.GetGrain<IDataRequestsGrain>(fx.SchoolId);
        var today = (await requests.QueueAsync(fx.AdminId, false)).Today;
        var old = await Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000003", null, today.AddDays(-300));
        Assert.True(old.Overdue);
        Assert.False(old.CanExtend);
        Assert.Equal("request.overdue", (await Refused(() => requests.ExtendAsync(fx.AdminId, old.RequestId, "Слишком поздно, но попробуем"))).Code);
        // Someone on the roster who never signed in: no account, and the log names them by the journal's id.
        Assert.Null(old.SubjectUserId);
        Assert.Equal(1, await Audited(fx, "data-request.registered", "AND subject_user_id IS NULL AND details->>'subject_journal_id' = 'S000003'"));

        Assert.Equal("request.received-future", (await Refused(() => Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000001", null, today.AddDays(1)))).Code);
        Assert.Equal("request.received-too-old", (await Refused(() => Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000001", null, today.AddYears(-2)))).Code);
        // A classmate's mother is not this child's representative; an unknown person is no subject.
        Assert.Equal("request.representative-invalid", (await Refused(() => Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000001", "j:P000003"))).Code);
        Assert.Equal("request.subject-invalid", (await Refused(() => Register(requests, fx.AdminId, DataRequestKind.Access, "j:NOBODY", null))).Code);
        Assert.Equal("request.kind-invalid", (await Refused(() => Register(requests, fx.AdminId, (DataRequestKind)9, "j:S000001", null))).Code);
        Assert.Equal("person.query-invalid", (await Refused(() => requests.FindPeopleAsync(fx.AdminId, "В"))).Code);
    }

    [Fact]
    public async Task Only_the_schools_appointed_admins_see_or_register_requests()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var requests = env.Grains.GetGrain<IDataRequestsGrain>(fx.SchoolId);
        var registered = await Register(requests, fx.AdminId, DataRequestKind.Access, "j:S000001", null);
        var (_, otherAdmin) = await new RosterFixtures(env).NewSchoolAsync(TestSnils.Next());
        var platformOperator = await new RosterFixtures(env).SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);

        // The check the web makes before a page runs: the admin passes; an operator only where incidents are concerned.
        var school = env.Grains.GetGrain<ISchoolGrain>(fx.SchoolId);
        await school.RequirePersonalDataStaffAsync(fx.AdminId, operatorsToo: false);
        await school.RequirePersonalDataStaffAsync(platformOperator, operatorsToo: true);
        foreach (var (who, user) in new[] { ("teacher", fx.Teacher), ("student", fx.Student), ("parent", fx.Parent), ("another school's admin", otherAdmin), ("platform operator", platformOperator) })
        {
            Assert.Equal("forbidden", (await Refused(() => school.RequirePersonalDataStaffAsync(user, operatorsToo: false))).Code);
            Assert.Equal("forbidden", (await Refused(() => requests.QueueAsync(user, true))).Code);
            Assert.Equal("forbidden", (await Refused(() => requests.GetAsync(user, registered.RequestId))).Code);
            Assert.Equal("forbidden", (await Refused(() => requests.FindPeopleAsync(user, "Васильева"))).Code);
            Assert.Equal("forbidden", (await Refused(() => Register(requests, user, DataRequestKind.Access, "j:S000001", null))).Code);
            Assert.Equal("forbidden", (await Refused(() => requests.ExtendAsync(user, registered.RequestId, "Чужая причина продления"))).Code);
            Assert.Equal("forbidden", (await Refused(() => requests.PrepareAccessAnswerAsync(user, registered.RequestId))).Code);
        }

        // The refusals are in the school's log; nothing was registered or changed.
        Assert.True(await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'access.refused' AND summary LIKE '%IDataRequestsGrain%'",
            ("s", fx.SchoolId)) >= 30);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM data_requests WHERE school_id = @s", ("s", fx.SchoolId)));
        Assert.Null((await requests.GetAsync(fx.AdminId, registered.RequestId)).ExtendedOn);
    }

    internal static Task<DataRequestView> Register(IDataRequestsGrain requests, Guid admin, DataRequestKind kind, string subject, string? representative,
        DateOnly? receivedOn = null) =>
        requests.RegisterAsync(admin, new DataRequestDraft(Guid.NewGuid(), kind, subject, representative, receivedOn ?? Friday, "Письмо от родителей"));

    private static async Task<DomainException> Refused(Func<Task> call) => await Assert.ThrowsAsync<DomainException>(call);

    private Task<long> Audited(ChatFixture fx, string action, string and = "") =>
        Sql.CountAsync(env.ConnectionString, $"SELECT count(*) FROM audit_log WHERE school_id = @s AND action = @a {and}", ("s", fx.SchoolId), ("a", action));
}
