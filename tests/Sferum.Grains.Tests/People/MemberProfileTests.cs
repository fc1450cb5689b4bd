using System.Net;
using Npgsql;
using Sferum.Audit;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Grains.Tests.Chats;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.People;
using Sferum.Testing;

namespace Sferum.Grains.Tests.People;

/// <summary>A member's profile as others see it: a name and a role in shared classes; contact data only for school admins.</summary>
[Collection(GrainCollection.Name)]
public sealed class MemberProfileTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task A_parent_sees_a_classmate_by_name_and_class_only_and_an_admin_also_sees_contact_data()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classmate = env.Grains.GetGrain<IMemberProfileGrain>(fx.Classmate);

        var seenByParent = await classmate.GetAsync(fx.Parent);
        var standing = Assert.Single(seenByParent.Schools);
        Assert.Equal(("Макарова", false, false), (seenByParent.Name.LastName, standing.IsStaff, standing.IsSchoolAdmin));
        Assert.Equal(("1А", ClassRole.Student), (Assert.Single(standing.Classes).Name, standing.Classes[0].Role));
        Assert.Null(seenByParent.Contact);

        var seenByAdmin = await classmate.GetAsync(fx.AdminId);
        Assert.NotNull(seenByAdmin.Contact);
        Assert.Equal((await env.Grains.GetGrain<IUserGrain>(fx.Classmate).GetProfileAsync())!.Snils, seenByAdmin.Contact!.Snils);
        Assert.NotNull(seenByAdmin.Contact.BirthDate);

        // Their own profile shows them what admins see.
        Assert.NotNull((await classmate.GetAsync(fx.Classmate)).Contact);
    }

    [Fact]
    public async Task An_admins_look_at_contact_data_is_in_the_audit_log_with_whom_what_and_from_where_and_a_members_is_not()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var classmate = env.Grains.GetGrain<IMemberProfileGrain>(fx.Classmate);
        await ReadFromAsync(IPAddress.Parse("203.0.113.7"), () => classmate.GetAsync(fx.AdminId));
        await ReadFromAsync(IPAddress.Parse("203.0.113.8"), () => classmate.GetAsync(fx.Parent));
        await ReadFromAsync(IPAddress.Parse("203.0.113.9"), () => classmate.GetAsync(fx.Classmate));

        await using var connection = new NpgsqlConnection(env.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT actor_user_id, host(client_address), details->>'fields', summary FROM audit_log
            WHERE action = 'person.contact-viewed' AND subject_user_id = @person AND school_id = @school
            """, connection);
        command.Parameters.AddWithValue("person", fx.Classmate);
        command.Parameters.AddWithValue("school", fx.SchoolId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((fx.AdminId, "203.0.113.7"), (reader.GetGuid(0), reader.GetString(1)));
        var (fields, summary) = (reader.GetString(2), reader.GetString(3));
        Assert.Contains("\"snils\"", fields);
        Assert.Contains("\"birth_date\"", fields);
        // Which fields, never their values, and not the person's name (it must stay erasable).
        var snils = (await env.Grains.GetGrain<IUserGrain>(fx.Classmate).GetProfileAsync())!.Snils!;
        Assert.DoesNotContain(snils, summary + fields);
        Assert.DoesNotContain("Макарова", summary);
        Assert.False(await reader.ReadAsync()); // the parent (no contact data) and the person themself leave no such entry
    }

    // An async method of its own, so that the address stays in this call's request context.
    private static async Task ReadFromAsync(IPAddress address, Func<Task<MemberProfile>> read)
    {
        AuditCallContext.SetClientAddress(address);
        await read();
    }

    [Fact]
    public async Task A_pupil_sees_only_the_teachers_role_in_their_own_class_and_an_admin_sees_every_class()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var teacher = env.Grains.GetGrain<IMemberProfileGrain>(fx.Teacher);

        var seenByPupil = Assert.Single((await teacher.GetAsync(fx.Student)).Schools);
        var seenByAdmin = Assert.Single((await teacher.GetAsync(fx.AdminId)).Schools);

        Assert.True(seenByPupil.IsStaff);
        Assert.Equal([("1А", ClassRole.HomeroomTeacher)], seenByPupil.Classes.Select(c => (c.Name, c.Role)));
        Assert.Superset(seenByPupil.Classes.Select(c => c.ClassId).ToHashSet(), seenByAdmin.Classes.Select(c => c.ClassId).ToHashSet());
    }

    [Fact]
    public async Task Outsiders_and_members_of_other_classes_are_refused_alike()
    {
        var fx = await ChatFixture.CreateAsync(env);
        var outsider = await new RosterFixtures(env).SignInAsync(TrustLevel.Confirmed, TestSnils.Next());

        foreach (var (viewer, person) in new[]
                 {
                     (fx.Parent, fx.OtherClassStudent), // a 1А parent and a 2А pupil share nothing
                     (fx.OtherClassStudent, fx.Student),
                     (outsider, fx.Teacher),
                     (outsider, Guid.NewGuid()),        // nobody: the same answer as somebody not yours
                     (Guid.NewGuid(), fx.Student),
                 })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => env.Grains.GetGrain<IMemberProfileGrain>(person).GetAsync(viewer));
            Assert.Equal("forbidden", refused.Code);
        }
    }

    [Fact]
    public void A_non_admin_sees_only_the_classes_they_share_with_the_person()
    {
        var (school, fiveA, sixB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var parent = new UserProfile(Guid.NewGuid(), new PersonName("Иванова", "Ольга", null), "112-233-445 95", "o@example.ru", null,
            TrustLevel.Standard, false, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, false);
        var relations = new MemberRelations.Relations(
            [(school, fiveA, "5А", ClassRole.Parent), (school, sixB, "6Б", ClassRole.Parent)],
            [(school, false, null, null)],
            ViewerClasses: new HashSet<Guid> { fiveA },
            PersonAdminSchools: new HashSet<Guid>(),
            ViewerAdminSchools: new HashSet<Guid>(),
            SharedChatSchools: new HashSet<Guid>());

        var seen = MemberVisibility.Compose(parent, Guid.NewGuid(), relations, new Dictionary<Guid, string> { [school] = "Школа № 7" })!;

        Assert.Equal(["5А"], Assert.Single(seen.Schools).Classes.Select(c => c.Name));
        Assert.Null(seen.Contact);
        Assert.Null(MemberVisibility.Compose(parent, Guid.NewGuid(), relations with { ViewerClasses = new HashSet<Guid>() }, new Dictionary<Guid, string>()));
    }
}
