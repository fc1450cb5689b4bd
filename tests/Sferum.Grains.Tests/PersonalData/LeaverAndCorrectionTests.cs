using System.Text;
using Sferum.Common;
using Sferum.Grains.Tests.Rosters;
using Sferum.PersonalData;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.PersonalData;

/// <summary>
/// The leaver trigger (a later import removed the person and the grace period passed), the purge of acts past their
/// keeping period, and an admin's correction of a roster record.
/// </summary>
[Collection(GrainCollection.Name)]
public sealed class LeaverAndCorrectionTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Leavers_past_the_grace_period_are_erased_by_the_job_once_and_old_acts_are_purged()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        // A new export without the pupil (S000001, who has an account) and without S000002 (who never signed in).
        static string Without(string text, params string[] ids) =>
            string.Join("\r\n", text.Split("\r\n").Where(line => !ids.Any(id => line.EndsWith(";" + id, StringComparison.Ordinal))));
        var files = sc.RosterFiles.Select(f => f.FileName is "students.csv" or "parents.csv"
            ? new ImportFile(f.FileName, Encoding.UTF8.GetBytes(Without(Encoding.UTF8.GetString(f.Content), "S000001", "S000002")))
            : f).ToList();
        var imports = new RosterFixtures(env).Imports(sc.SchoolId);
        var preview = await imports.PreviewAsync(ImportRequester.User(sc.AdminId), files);
        await imports.ApplyAsync(ImportRequester.User(sc.AdminId), preview.ImportId);
        var jobs = env.Grains.GetGrain<IPersonalDataJobsGrain>(0);

        // Within the grace period nothing happens.
        await jobs.RunAsync();
        Assert.Equal(0L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM destruction_acts WHERE school_id = @s", ("s", sc.SchoolId)));

        await Sql.ExecuteAsync(env.ConnectionString,
            "UPDATE roster_people SET removed_at = now() - interval '31 days' WHERE school_id = @s AND journal_id IN ('S000001', 'S000002')", ("s", sc.SchoolId));
        var report = await jobs.RunAsync();
        Assert.Empty(report.Failures);
        Assert.True(report.LeaversErased >= 2);
        Assert.Equal(ErasureState.Done, (await env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForUser(sc.Pupil)).GetStatusAsync()).State);
        Assert.Equal(ErasureState.Done, (await env.Grains.GetGrain<IPersonErasureGrain>(PersonKeys.ForRosterEntry(sc.SchoolId, "S000002")).GetStatusAsync()).State);
        Assert.Equal(2L, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM destruction_acts WHERE school_id = @s AND reason = 'left-roster' AND completed_at IS NOT NULL AND pending_names IS NULL", ("s", sc.SchoolId)));
        Assert.Equal(0L, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM roster_people WHERE school_id = @s AND journal_id IN ('S000001', 'S000002')", ("s", sc.SchoolId)));
        Assert.Empty(await DatabaseScan.FindAsync(env.ConnectionString, [sc.FullName, sc.RosterOnlyName], "destruction_acts"));

        // Run again: nothing more to do for these two.
        await jobs.RunAsync();
        Assert.Equal(2L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM destruction_acts WHERE school_id = @s", ("s", sc.SchoolId)));

        // Three years on, the acts go.
        await Sql.ExecuteAsync(env.ConnectionString, "UPDATE destruction_acts SET purge_after = now() - interval '1 minute' WHERE school_id = @s", ("s", sc.SchoolId));
        Assert.True((await jobs.RunAsync()).ActsPurged >= 2);
        Assert.Equal(0L, await Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM destruction_acts WHERE school_id = @s", ("s", sc.SchoolId)));
    }

    [Fact]
    public async Task An_admin_corrects_a_roster_field_audited_with_the_subject_and_a_bad_value_names_the_field()
    {
        var sc = await ErasureScenario.CreateAsync(env);
        var desk = env.Grains.GetGrain<IPersonalDataGrain>(sc.SchoolId);
        var mother = await desk.GetPersonAsync(sc.AdminId, "P000001");
        Assert.Equal(sc.Parent, mother.UserId);
        Assert.True(mother.OnRoster);

        var corrected = await desk.CorrectAsync(sc.AdminId, "P000001", new PersonCorrection(CorrectableField.Phone, "8 (912) 000-11-22", "заявление от 01.12.2026"));
        Assert.Equal("+79120001122", corrected.Phone);
        Assert.Equal(1L, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE action = 'person.corrected' AND subject_user_id = @p AND actor_user_id = @a AND summary NOT LIKE '%912%' AND details::text NOT LIKE '%912%'",
            ("p", sc.Parent), ("a", sc.AdminId)));
        var renamed = await desk.CorrectAsync(sc.AdminId, "S000001", new PersonCorrection(CorrectableField.FirstName, "Ульяния", "свидетельство о рождении"));
        Assert.Equal("Ульяния", renamed.FirstName);

        var bad = await Assert.ThrowsAsync<DomainException>(() =>
            desk.CorrectAsync(sc.AdminId, "S000001", new PersonCorrection(CorrectableField.BirthDate, "31.02.2020", "заявление")));
        Assert.Equal("correction.value-invalid", bad.Code);
        Assert.Contains("дата рождения", bad.Message);
        Assert.Equal("correction.reason-invalid", (await Assert.ThrowsAsync<DomainException>(() =>
            desk.CorrectAsync(sc.AdminId, "S000001", new PersonCorrection(CorrectableField.Email, "a@b.ru", "")))).Code);
        foreach (var outsider in new[] { sc.Teacher, sc.Parent, sc.Classmate, sc.Pupil })
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() =>
                desk.CorrectAsync(outsider, "P000001", new PersonCorrection(CorrectableField.Phone, "+7 900 000-00-00", "само")))).Code);
        }
    }
}
