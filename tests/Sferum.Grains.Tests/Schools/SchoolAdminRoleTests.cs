using Sferum.Common;
using Sferum.Grains.Tests.Identity;
using Sferum.Grains.Tests.Rosters;
using Sferum.Identity;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Schools;

/// <summary>Appointing and removing school admins is a role change: a school admin confirms it with a second factor.</summary>
[Collection(GrainCollection.Name)]
public sealed class SchoolAdminRoleTests(GrainTestEnvironment env)
{
    [Fact]
    public async Task An_admin_appoints_another_admin_only_with_a_fresh_one_time_code()
    {
        var fx = new RosterFixtures(env);
        var (schoolId, admin) = await fx.NewSchoolAsync(TestSnils.Next());
        var school = env.Grains.GetGrain<ISchoolGrain>(schoolId);
        var deputy = TestSnils.Next();
        var name = new PersonName("Замова", "Зоя", null);

        Assert.Equal("second-factor.required", (await Assert.ThrowsAsync<DomainException>(() => school.AppointAdminAsync(admin, deputy, name))).Code);
        var authenticator = new Authenticator(env.Grains);
        await authenticator.EnrolAsync(admin);
        Assert.Equal("second-factor.invalid", (await Assert.ThrowsAsync<DomainException>(() => school.AppointAdminAsync(admin, deputy, name, "000000"))).Code);
        Assert.Single((await school.GetOverviewAsync(admin)).Admins);

        var code = authenticator.NextCode(admin);
        await school.AppointAdminAsync(admin, deputy, name, code);
        Assert.Equal(2, (await school.GetOverviewAsync(admin)).Admins.Count);
        // The same code does not confirm a second change.
        Assert.Equal("second-factor.invalid", (await Assert.ThrowsAsync<DomainException>(() => school.RemoveAdminAsync(admin, deputy, code))).Code);

        // The platform operator, who appoints a school's first admin, is not asked.
        var op = await fx.SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);
        await school.RemoveAdminAsync(op, deputy);
        Assert.Single((await school.GetOverviewAsync(admin)).Admins);
        Assert.Equal(2, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM audit_log WHERE school_id = @s AND action IN ('school.admin-appointed', 'school.admin-removed') AND summary LIKE '%Замова%'",
            ("s", schoolId)));
    }
}
