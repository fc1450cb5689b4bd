using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Incidents;
using Sferum.Notices;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Incidents;

/// <summary>
/// Incidents against the real silo: the 24- and 72-hour deadlines from detection, reminders that really fire (an Orleans
/// reminder stored in PostgreSQL) and reach the responsible people as in-app notices once each, pre-filled drafts,
/// notices marked sent, and who may see and act.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class IncidentTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task An_incident_tracks_both_deadlines_and_its_reminder_tells_the_admins_when_the_first_one_passes()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var incident = env.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid());
        // Detected almost a day ago: the first notice falls due in a quarter of a minute.
        var detected = DateTimeOffset.UtcNow.AddHours(-24).AddSeconds(15);
        var view = await incident.RegisterAsync(fx.AdminId, new IncidentDraft(fx.SchoolId,
            "Учитель отправил список класса с телефонами родителей в чужой чат", "ученики 1А и их родители", 27, detected, "Сообщение удалено"));

        Assert.Equal((IncidentStatus.Open, IncidentSources.Manual), (view.Status, view.Source));
        Assert.Equal(detected.AddHours(24), view.FirstNoticeDue, TimeSpan.FromMilliseconds(1));
        Assert.Equal(detected.AddHours(72), view.ResultsDue, TimeSpan.FromMilliseconds(1));
        // The drafts carry what happened, whose data, how many and what was done, and prompt for what nobody entered yet.
        Assert.Contains("Учитель отправил список класса", view.FirstNoticeDraft);
        Assert.Contains("ученики 1А и их родители; количество субъектов: 27", view.FirstNoticeDraft);
        Assert.Contains("Что сделано для устранения последствий: Сообщение удалено", view.FirstNoticeDraft);
        Assert.Contains("[фамилия, имя, отчество, должность", view.FirstNoticeDraft);
        Assert.Contains("Результаты внутреннего расследования: [изложите", view.ResultsDraft);

        // Told at once: registered, and less than the lead time left for the first notice.
        var admins = env.Grains.GetGrain<IStaffNoticesGrain>(fx.AdminId);
        var told = await admins.ListAsync(fx.AdminId);
        Assert.Contains(told, n => n.Text.StartsWith("Инцидент с персональными данными") && n.Link == $"/Schools/{fx.SchoolId}/Incidents/{view.IncidentId}");
        Assert.Contains(told, n => n.Text.StartsWith("Осталось меньше 6 ч"));
        Assert.DoesNotContain(told, n => n.Text.StartsWith("Просрочено"));
        Assert.Equal(1, await Reminders(view.IncidentId));

        // The reminder fires when the first deadline passes and tells the admin it is overdue — once.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!(await admins.ListAsync(fx.AdminId)).Any(n => n.Text.StartsWith("Просрочено: первое уведомление")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.Contains(await admins.ListAsync(fx.AdminId), n => n.Text.StartsWith("Просрочено: первое уведомление"));
        await incident.WatchAsync();
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM staff_notices WHERE incident_id = @i AND user_id = @u AND stage = 'first-overdue'", ("i", view.IncidentId), ("u", fx.AdminId)));
        // Someone else's notices are not the admin's to read.
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => admins.ListAsync(fx.Teacher))).Code);

        var sentAt = DateTimeOffset.UtcNow;
        var first = await incident.MarkNoticeSentAsync(fx.AdminId, IncidentNotice.First, sentAt);
        Assert.Equal(sentAt, first.FirstNoticeSentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain("[не направлено]", first.ResultsDraft);
        Assert.Equal("incident.notice-already-sent", (await Refused(() => incident.MarkNoticeSentAsync(fx.AdminId, IncidentNotice.First, sentAt))).Code);
        Assert.Equal("incident.notices-pending", (await Refused(() => incident.ResolveAsync(fx.AdminId, false, "Расследование завершено"))).Code);
        Assert.Equal("incident.sent-future", (await Refused(() => incident.MarkNoticeSentAsync(fx.AdminId, IncidentNotice.Results, sentAt.AddHours(2)))).Code);

        var updated = await incident.UpdateAsync(fx.AdminId, new IncidentUpdate(view.Description, view.DataSubjects, 31, view.Measures,
            "Ошибка при пересылке", null, "Список попал в чат родителей другого класса; удалён через 10 минут", "Орлова И. П., заместитель директора, +7 900 000-00-07"));
        Assert.Contains("количество субъектов: 31", updated.ResultsDraft);
        Assert.Contains("Список попал в чат родителей другого класса", updated.ResultsDraft);
        Assert.Contains("Орлова И. П.", updated.FirstNoticeDraft);

        // Both notices sent: nothing is left to remind of, and the reminder is gone.
        await incident.MarkNoticeSentAsync(fx.AdminId, IncidentNotice.Results, DateTimeOffset.UtcNow);
        Assert.Equal(0, await Reminders(view.IncidentId));
        var closed = await incident.ResolveAsync(fx.AdminId, false, "Расследование завершено, учителю объявлено замечание");
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.Equal("incident.resolved", (await Refused(() => incident.ConfirmAsync(fx.AdminId))).Code);
        foreach (var action in new[] { "incident.registered", "incident.updated", "incident.closed" })
        {
            Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = @a AND details->>'incident' = @i",
                ("s", fx.SchoolId), ("a", action), ("i", view.IncidentId.ToString())));
        }

        Assert.Equal(2, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'incident.notice-sent' AND details->>'incident' = @i",
            ("s", fx.SchoolId), ("i", view.IncidentId.ToString())));
    }

    [Fact]
    public async Task Only_the_schools_admins_and_platform_operators_see_and_act_on_incidents()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var (_, otherAdmin) = await new RosterFixtures(env).NewSchoolAsync(TestSnils.Next());
        var platformOperator = await new RosterFixtures(env).SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);
        var incident = env.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid());
        var draft = new IncidentDraft(fx.SchoolId, "Потерян ноутбук с выгрузкой журнала", "ученики школы", null, DateTimeOffset.UtcNow.AddHours(-1), null);
        var lists = env.Grains.GetGrain<IIncidentListGrain>(0);

        foreach (var user in new[] { fx.Teacher, fx.Student, fx.Parent, otherAdmin })
        {
            Assert.Equal("forbidden", (await Refused(() => env.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid()).RegisterAsync(user, draft))).Code);
            Assert.Equal("forbidden", (await Refused(() => lists.ForSchoolAsync(user, fx.SchoolId))).Code);
            Assert.Equal("forbidden", (await Refused(() => lists.UnresolvedAsync(user))).Code);
        }

        // A platform operator registers one for the school; the school's admin sees and handles it, outsiders do not.
        var registered = await incident.RegisterAsync(platformOperator, draft);
        Assert.Null(registered.PeopleCount);
        Assert.Contains("количество субъектов: [уточняется]", registered.FirstNoticeDraft);
        Assert.Equal(registered.IncidentId, (await incident.GetAsync(fx.AdminId)).IncidentId);
        Assert.Contains(await lists.ForSchoolAsync(fx.AdminId, fx.SchoolId), s => s.IncidentId == registered.IncidentId);
        Assert.Contains(await lists.UnresolvedAsync(platformOperator), s => s.IncidentId == registered.IncidentId);
        Assert.Equal("forbidden", (await Refused(() => lists.UnresolvedAsync(fx.AdminId))).Code);
        foreach (var user in new[] { fx.Teacher, fx.Student, fx.Parent, otherAdmin })
        {
            Assert.Equal("forbidden", (await Refused(() => incident.GetAsync(user))).Code);
            Assert.Equal("forbidden", (await Refused(() => incident.MarkNoticeSentAsync(user, IncidentNotice.First, DateTimeOffset.UtcNow))).Code);
            Assert.Equal("forbidden", (await Refused(() => incident.ResolveAsync(user, true, "не инцидент"))).Code);
        }

        // Whoever registered it is told, and so is the school's admin.
        Assert.NotEmpty(await env.Grains.GetGrain<IStaffNoticesGrain>(platformOperator).ListAsync(platformOperator));
        Assert.NotEmpty(await env.Grains.GetGrain<IStaffNoticesGrain>(fx.AdminId).ListAsync(fx.AdminId));
        // An incident that does not exist: "unknown" to an operator, the usual refusal to anyone else.
        var nothing = env.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid());
        Assert.Equal("incident.unknown", (await Refused(() => nothing.GetAsync(platformOperator))).Code);
        Assert.Equal("forbidden", (await Refused(() => nothing.GetAsync(fx.Teacher))).Code);

        var dismissed = await incident.ResolveAsync(fx.AdminId, true, "Ноутбук нашёлся, диск зашифрован");
        Assert.Equal(IncidentStatus.Dismissed, dismissed.Status);
        Assert.Equal(0, await Reminders(registered.IncidentId));
    }

    [Fact]
    public async Task A_registration_names_the_field_it_refuses()
    {
        var fx = await ChatFixture.CreateAsync(env);
        async Task<string> Code(IncidentDraft draft) =>
            (await Refused(() => env.Grains.GetGrain<IIncidentGrain>(Guid.NewGuid()).RegisterAsync(fx.AdminId, draft))).Code;
        var ok = new IncidentDraft(fx.SchoolId, "Утечка списка учеников", "ученики 1А", 25, DateTimeOffset.UtcNow.AddHours(-2), null);

        Assert.Equal("incident.description-invalid", await Code(ok with { Description = "утечка" }));
        Assert.Equal("incident.subjects-invalid", await Code(ok with { DataSubjects = "" }));
        Assert.Equal("incident.count-invalid", await Code(ok with { PeopleCount = 0 }));
        Assert.Equal("incident.detected-future", await Code(ok with { DetectedAt = DateTimeOffset.UtcNow.AddHours(1) }));
        Assert.Equal("incident.detected-too-old", await Code(ok with { DetectedAt = DateTimeOffset.UtcNow.AddYears(-2) }));
    }

    private static async Task<DomainException> Refused(Func<Task> call) => await Assert.ThrowsAsync<DomainException>(call);

    private Task<long> Reminders(Guid incidentId) => Sql.CountAsync(env.ConnectionString,
        "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'deadlines' AND (grainid LIKE '%' || @n || '%' OR grainid LIKE '%' || @d || '%')",
        ("n", incidentId.ToString("N")), ("d", incidentId.ToString("D")));
}
