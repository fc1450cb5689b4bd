using System.Text;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Rosters;

/// <summary>Roster imports through the import grain into a real PostgreSQL, for every export format of the sample school.</summary>
[Collection(GrainCollection.Name)]
public sealed class RosterImportTests(GrainTestEnvironment env)
{
    private readonly RosterFixtures fx = new(env);

    [Theory]
    [InlineData("journal-utf8")]
    [InlineData("journal-cp1251")]
    [InlineData("journal.xlsx")]
    [InlineData("oneroster.zip")]
    public async Task Each_export_format_yields_the_sample_school_and_reimport_changes_nothing(string sample)
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var imports = fx.Imports(school);

        var preview = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample(sample));
        Assert.Equal(ImportStatus.Previewed, preview.Status);
        Assert.Equal(0, preview.ErrorCount);
        Assert.Equal(new ImportContents(5, 120, 172, 8, 200), preview.Contents);
        Assert.Equal(0, await fx.CountAsync("roster_people", school));

        var applied = await imports.ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        Assert.Equal(ImportStatus.Applied, applied.Status);
        Assert.Equal(5, await fx.CountAsync("roster_classes", school));
        Assert.Equal(120, await fx.CountAsync("roster_people", school, "role = 0"));
        Assert.Equal(172, await fx.CountAsync("roster_people", school, "role = 1"));
        Assert.Equal(8, await fx.CountAsync("roster_people", school, "role = 2"));
        Assert.Equal(200, await fx.CountAsync("roster_guardianships", school));
        Assert.Equal(24, await fx.CountAsync("roster_enrollments", school, "class_name = '3А'"));
        Assert.Equal(1, await fx.CountAsync("roster_teaching", school, "class_name = '5А' AND is_homeroom AND staff_id = 'T00005'"));

        var again = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample(sample));
        Assert.Equal(ImportStatus.Unchanged, again.Status);
        Assert.True(again.Changes.IsEmpty);
        Assert.False(again.CanApply);
    }

    [Fact]
    public async Task The_same_school_in_another_format_changes_nothing()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var imports = fx.Imports(school);
        var first = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("journal-cp1251"));
        await imports.ApplyAsync(ImportRequester.User(admin), first.ImportId);

        var xlsx = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("journal.xlsx"));

        Assert.Equal(ImportStatus.Unchanged, xlsx.Status);
    }

    [Fact]
    public async Task A_newer_export_moves_adds_and_removes_students_and_keeps_who_left()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var imports = fx.Imports(school);
        var first = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("journal-utf8"));
        await imports.ApplyAsync(ImportRequester.User(admin), first.ImportId);

        // S000001 moves from 1А to 2А; S000004 leaves (with the parent rows that name them); a new student arrives.
        var files = RosterFixtures.Sample("journal-utf8");
        var students = Text(files, "students.csv").Replace(";1А;482-447-577 20;S000001", ";2А;482-447-577 20;S000001");
        students = string.Join("\r\n", students.Split("\r\n").Where(line => !line.EndsWith(";S000004", StringComparison.Ordinal)));
        students = students.TrimEnd() + "\r\n121;Новенькая;Вера;Петровна;01.09.2015;4А;;S000999\r\n";
        var parents = string.Join("\r\n", Text(files, "parents.csv").Split("\r\n").Where(line => !line.EndsWith(";S000004", StringComparison.Ordinal)));
        files = Replace(files, ("students.csv", students), ("parents.csv", parents));

        var preview = await imports.PreviewAsync(ImportRequester.User(admin), files);

        Assert.Equal(ImportStatus.Previewed, preview.Status);
        Assert.Equal(1, preview.Changes.Moves);
        Assert.Equal(1, preview.Changes.People.Added);
        var changes = await imports.GetChangesAsync(ImportRequester.User(admin), preview.ImportId, ImportSection.Enrollments, 0, 50);
        Assert.Contains(changes, c => c.Kind == "Переведён" && c.Subject.Contains("S000001") && c.Detail == "1А → 2А");

        await imports.ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        Assert.Equal(1, await fx.CountAsync("roster_enrollments", school, "student_id = 'S000001' AND class_name = '2А'"));
        Assert.Equal(1, await fx.CountAsync("roster_people", school, "journal_id = 'S000004' AND removed_at IS NOT NULL"));
        Assert.Equal(0, await fx.CountAsync("roster_enrollments", school, "student_id = 'S000004'"));
        Assert.Equal(1, await fx.CountAsync("roster_enrollments", school, "student_id = 'S000999' AND class_name = '4А'"));
    }

    [Fact]
    public async Task Files_with_errors_cannot_be_applied_and_nothing_is_written()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var files = RosterFixtures.Sample("journal-utf8");
        files = Replace(files, ("students.csv", Text(files, "students.csv").Replace("482-447-577 20", "482-447-577 21")));

        var preview = await fx.Imports(school).PreviewAsync(ImportRequester.User(admin), files);

        Assert.Equal(ImportStatus.Invalid, preview.Status);
        Assert.Contains(preview.Problems, p => p.Severity == ProblemSeverity.Error && p.Code == "snils.invalid" && p.File == "students.csv" && p.Row == 2 && p.Column == "СНИЛС");
        var refused = await Assert.ThrowsAsync<DomainException>(() => fx.Imports(school).ApplyAsync(ImportRequester.User(admin), preview.ImportId));
        Assert.Equal("import.not-applicable", refused.Code);
        Assert.Equal(0, await fx.CountAsync("roster_people", school));
        Assert.Equal(0, await fx.CountAsync("roster_classes", school));
    }

    [Fact]
    public async Task A_preview_made_before_another_import_was_applied_is_superseded()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var imports = fx.Imports(school);
        var a = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("journal-utf8"));
        var b = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("oneroster.zip"));
        await imports.ApplyAsync(ImportRequester.User(admin), a.ImportId);

        var late = await imports.ApplyAsync(ImportRequester.User(admin), b.ImportId);

        Assert.Equal(ImportStatus.Superseded, late.Status);
        Assert.Equal(ImportStatus.Applied, (await imports.ApplyAsync(ImportRequester.User(admin), a.ImportId)).Status);
    }

    [Fact]
    public async Task Two_applies_at_once_never_interleave_one_wins_and_the_other_is_superseded()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var imports = fx.Imports(school);
        var a = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("journal-utf8"));
        var b = await imports.PreviewAsync(ImportRequester.User(admin), RosterFixtures.Sample("journal.xlsx"));

        var results = await Task.WhenAll(imports.ApplyAsync(ImportRequester.User(admin), a.ImportId), imports.ApplyAsync(ImportRequester.User(admin), b.ImportId));

        Assert.Equal([ImportStatus.Applied, ImportStatus.Superseded], results.Select(r => r.Status).Order());
        Assert.Equal(120, await fx.CountAsync("roster_people", school, "role = 0"));
        Assert.Equal(1, await fx.CountAsync("audit_log", school, "action = 'roster.import-applied'"));
        Assert.Equal(2, (await imports.ListAsync(ImportRequester.User(admin), 10)).Count);
    }

    [Fact]
    public async Task The_admin_of_one_school_and_an_unconnected_journal_are_refused_on_another()
    {
        var (schoolA, adminA) = await fx.NewSchoolAsync(TestSnils.Next());
        var (schoolB, adminB) = await fx.NewSchoolAsync(TestSnils.Next());
        var b = await fx.Imports(schoolB).PreviewAsync(ImportRequester.User(adminB), RosterFixtures.Sample("journal-utf8"));

        foreach (var call in new Func<Task>[]
        {
            () => fx.Imports(schoolB).PreviewAsync(ImportRequester.User(adminA), RosterFixtures.Sample("journal-utf8")),
            () => fx.Imports(schoolB).ApplyAsync(ImportRequester.User(adminA), b.ImportId),
            () => fx.Imports(schoolB).GetAsync(ImportRequester.User(adminA), b.ImportId),
            () => fx.Imports(schoolB).ListAsync(ImportRequester.User(adminA), 10),
            () => fx.Imports(schoolB).PreviewAsync(ImportRequester.Journal("journal-of-a"), RosterFixtures.Sample("journal-utf8")),
            () => env.Grains.GetGrain<Sferum.Schools.ISchoolGrain>(schoolB).GetOverviewAsync(adminA),
        })
        {
            Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(call)).Code);
        }

        Assert.Equal(0, await fx.CountAsync("roster_people", schoolB));
        Assert.NotEqual(schoolA, schoolB);
    }

    [Fact]
    public async Task A_teacher_whose_verified_snils_is_in_the_roster_joins_their_classes_and_an_outsider_sees_nothing()
    {
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var files = RosterFixtures.Sample("journal-utf8");
        var teacherSnils = TestSnils.Next();
        // Teacher T00006 (Russian in 1А–4А) gets a SNILS no other test school uses.
        files = Replace(files, ("staff.csv", Text(files, "staff.csv").Replace("883-685-957 95", teacherSnils)));
        var preview = await fx.Imports(school).PreviewAsync(ImportRequester.User(admin), files);
        await fx.Imports(school).ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        var simplified = await fx.SignInAsync(TrustLevel.Simplified, teacherSnils);
        Assert.Empty(await env.Grains.GetGrain<IUserGrain>(simplified).GetClassIdsAsync());

        // Staff are matched only with a confirmed account (they moderate class chats).
        var teacher = await fx.SignInAsync(TrustLevel.Confirmed, teacherSnils, "Иванов");
        var classIds = await env.Grains.GetGrain<IUserGrain>(teacher).GetClassIdsAsync();

        Assert.Equal(4, classIds.Count);
        var details = await env.Grains.GetGrain<IClassGrain>(classIds[0]).GetAsync(teacher);
        Assert.Contains(details.Members, m => m.UserId == teacher && m.Role == ClassRole.Teacher);
        Assert.Contains(ClassRole.Teacher, await env.Grains.GetGrain<IClassGrain>(classIds[0]).GetRolesAsync(teacher));

        var outsider = await fx.SignInAsync(TrustLevel.Confirmed, TestSnils.Next());
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => env.Grains.GetGrain<IClassGrain>(classIds[0]).GetAsync(outsider))).Code);
        Assert.Empty(await env.Grains.GetGrain<IClassGrain>(classIds[0]).GetRolesAsync(outsider));
    }

    private static string Text(List<ImportFile> files, string name) => Encoding.UTF8.GetString(files.Single(f => f.FileName == name).Content);

    private static List<ImportFile> Replace(List<ImportFile> files, params (string Name, string Text)[] replacements) =>
        files.Select(f => replacements.FirstOrDefault(r => r.Name == f.FileName) is { Name: not null } r
            ? new ImportFile(f.FileName, Encoding.UTF8.GetBytes(r.Text))
            : f).ToList();
}
