using Sferum.Audit;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Grains.Tests.Rosters;
using Sferum.Incidents;
using Sferum.People;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Incidents;

/// <summary>
/// The automatic signals over the real audit log: a burst of contact-data reads by one account, repeated exports and
/// refused attempts from another school's account each open one incident for review, never the same one twice.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class IncidentSignalTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Fifty_contact_reads_by_one_account_open_one_incident_and_a_scan_again_opens_nothing_new()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var signals = env.Grains.GetGrain<IIncidentSignalsGrain>(0);
        await ReadContactsAsync(fx, 49);
        await signals.ScanAsync();
        Assert.Equal(0, await Opened(fx, IncidentSources.ProfileReads));

        await ReadContactsAsync(fx, 1);
        await signals.ScanAsync();
        await signals.ScanAsync();
        Assert.Equal(1, await Opened(fx, IncidentSources.ProfileReads));
        const string Incident = "FROM incidents WHERE school_id = @s AND source = 'profile-reads'";
        // Under review, and one person's data read fifty times.
        Assert.Equal((short)IncidentStatus.Review, await Sql.ScalarAsync<short>(env.ConnectionString, $"SELECT status {Incident}", ("s", fx.SchoolId)));
        Assert.Equal(1, await Sql.ScalarAsync<int>(env.ConnectionString, $"SELECT people_count {Incident}", ("s", fx.SchoolId)));
        var description = await Sql.ScalarAsync<string>(env.ConnectionString, $"SELECT description {Incident}", ("s", fx.SchoolId));
        Assert.Contains("50 просмотров", description);
        Assert.Contains(fx.AdminId.ToString(), description);
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action = 'incident.signal-opened' AND subject_user_id = @a", ("s", fx.SchoolId), ("a", fx.AdminId)));
        // The school's admins are told, with a link to the incident.
        Assert.Contains(await env.Grains.GetGrain<Sferum.Notices.IStaffNoticesGrain>(fx.AdminId).ListAsync(fx.AdminId),
            n => n.Text.StartsWith("Автоматический сигнал") && n.Link.StartsWith($"/Schools/{fx.SchoolId}/Incidents/"));

        // The reads already counted never count again: a new signal needs a new burst of fifty.
        await ReadContactsAsync(fx, 49);
        await signals.ScanAsync();
        Assert.Equal(1, await Opened(fx, IncidentSources.ProfileReads));
        await ReadContactsAsync(fx, 1);
        await signals.ScanAsync();
        Assert.Equal(2, await Opened(fx, IncidentSources.ProfileReads));
    }

    [Fact]
    public async Task The_scans_reminder_opens_incidents_for_repeated_exports_and_for_refusals_to_another_schools_account()
    {
        var fx = await ChatFixture.CreateAsync(env);
        // Five exports as the audit grain records them (an export itself needs a one-time code per 30-second step,
        // which would make five of them take minutes; the signal reads only these entries).
        await using (var database = Npgsql.NpgsqlDataSource.Create(env.ConnectionString))
        {
            for (var i = 0; i < 5; i++)
            {
                await new AuditLog(database).WriteAsync(new AuditEntry(fx.SchoolId, fx.AdminId, null, "audit.exported", "Выгружен журнал действий: записей 1",
                    new Dictionary<string, object?> { ["count"] = 1 }));
            }
        }

        var (_, outsider) = await new RosterFixtures(env).NewSchoolAsync(TestSnils.Next());
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<DomainException>(() => env.Grains.GetGrain<ISchoolGrain>(fx.SchoolId).GetOverviewAsync(outsider));
        }

        // Refusals of the school's own people (a pupil trying an admin's page) are not "another school's" access.
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<DomainException>(() => env.Grains.GetGrain<ISchoolGrain>(fx.SchoolId).GetOverviewAsync(fx.Student));
        }

        // Nobody calls the scan here: the reminder does (its first tick comes seconds after the start).
        await env.Grains.GetGrain<IIncidentSignalsGrain>(0).StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while ((await Opened(fx, IncidentSources.Exports) == 0 || await Opened(fx, IncidentSources.Refusals) == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.Equal(1, await Opened(fx, IncidentSources.Exports));
        Assert.Equal(1, await Opened(fx, IncidentSources.Refusals));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM incident_signals WHERE school_id = @s AND kind = 'refusals'",
            ("s", fx.SchoolId)));
        Assert.Equal(outsider, await Sql.ScalarAsync<Guid>(env.ConnectionString,
            "SELECT actor_user_id FROM incident_signals WHERE school_id = @s AND kind = 'refusals'", ("s", fx.SchoolId)));
        Assert.Equal(1, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM orleansreminderstable WHERE remindername = 'scan'"));

        await env.Grains.GetGrain<IIncidentSignalsGrain>(0).ScanAsync();
        Assert.Equal(1, await Opened(fx, IncidentSources.Refusals));
    }

    private async Task ReadContactsAsync(ChatFixture fx, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await env.Grains.GetGrain<IMemberProfileGrain>(fx.Classmate).GetAsync(fx.AdminId);
        }
    }

    private Task<long> Opened(ChatFixture fx, string source) =>
        Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM incidents WHERE school_id = @s AND source = @k", ("s", fx.SchoolId), ("k", source));
}
