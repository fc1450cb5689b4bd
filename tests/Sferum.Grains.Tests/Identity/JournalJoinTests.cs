using System.Text;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Identity;

/// <summary>Joining through the journal: who is matched to the roster, and the one-time summary of where.</summary>
[Collection(GrainCollection.Name)]
public sealed class JournalJoinTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task Staff_are_matched_only_with_a_confirmed_account_and_hear_once_where_they_were_added()
    {
        var fx = new RosterFixtures(env);
        var (school, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var (teacher, student) = (TestSnils.Next(), TestSnils.Next());
        var files = RosterFixtures.Sample("journal-utf8").Select(f => new ImportFile(f.FileName, Encoding.UTF8.GetBytes(
            Encoding.UTF8.GetString(f.Content).Replace("777-631-706 48", teacher).Replace("482-447-577 20", student)))).ToList();
        var preview = await fx.Imports(school).PreviewAsync(ImportRequester.User(admin), files);
        await fx.Imports(school).ApplyAsync(ImportRequester.User(admin), preview.ImportId);

        var standardTeacher = env.Grains.GetGrain<IUserGrain>(await fx.SignInAsync(TrustLevel.Standard, teacher));
        var confirmedTeacher = env.Grains.GetGrain<IUserGrain>(await fx.SignInAsync(TrustLevel.Confirmed, teacher));
        var standardStudent = env.Grains.GetGrain<IUserGrain>(await fx.SignInAsync(TrustLevel.Standard, student));

        Assert.Empty(await standardTeacher.GetClassIdsAsync());
        Assert.Empty(await standardTeacher.TakeRecentlyJoinedClassesAsync());
        var teacherClasses = await confirmedTeacher.GetClassIdsAsync();
        Assert.Single(teacherClasses);
        Assert.Equal(teacherClasses, await confirmedTeacher.TakeRecentlyJoinedClassesAsync());
        Assert.Empty(await confirmedTeacher.TakeRecentlyJoinedClassesAsync());
        Assert.Single(await standardStudent.TakeRecentlyJoinedClassesAsync());
    }
}
