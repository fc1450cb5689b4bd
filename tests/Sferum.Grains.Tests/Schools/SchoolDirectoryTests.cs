using Sferum.Common;
using Sferum.Identity;
using Sferum.Schools;

namespace Sferum.Grains.Tests.Schools;

[Collection(GrainCollection.Name)]
public sealed class SchoolDirectoryTests(GrainTestEnvironment env)
{
    private static readonly SchoolDraft Draft = new("Школа № 12", "Тверская область", "Europe/Moscow");

    private ISchoolDirectoryGrain Directory => env.Grains.GetGrain<ISchoolDirectoryGrain>(0);

    private async Task<Guid> SignInAsync(TrustLevel trust, string snils)
    {
        var identity = new ExternalIdentity("esia", $"s-{Guid.NewGuid()}", new PersonName("Смирнов", "Олег", null), snils, null, false, null, false, trust);
        var profile = await env.Grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor("esia", identity.Subject)).SignInAsync(identity);
        return profile.UserId;
    }

    [Fact]
    public async Task Operator_creates_a_school_and_sees_it_listed()
    {
        var op = await SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);

        var school = await Directory.CreateSchoolAsync(op, Draft with { Name = "  Лицей № 1  " });

        Assert.Equal("Лицей № 1", school.Name);
        Assert.Contains(await Directory.ListAsync(op), s => s.SchoolId == school.SchoolId);
    }

    [Fact]
    public async Task Someone_who_is_not_an_operator_can_neither_list_nor_create_schools()
    {
        var teacher = await SignInAsync(TrustLevel.Confirmed, "123-456-789 64");

        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => Directory.ListAsync(teacher))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => Directory.CreateSchoolAsync(teacher, Draft))).Code);
        Assert.Equal("forbidden", (await Assert.ThrowsAsync<DomainException>(() => Directory.ListAsync(Guid.NewGuid()))).Code);
    }

    [Fact]
    public async Task Seeding_twice_keeps_one_school()
    {
        var id = Guid.NewGuid();
        var op = await SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);

        await Directory.EnsureSeededSchoolAsync(id, Draft);
        await Directory.EnsureSeededSchoolAsync(id, Draft);

        Assert.Single(await Directory.ListAsync(op), s => s.SchoolId == id);
    }

    [Theory]
    [InlineData("", "Москва", "Europe/Moscow", "school.name-invalid")]
    [InlineData("Школа", "", "Europe/Moscow", "school.region-invalid")]
    [InlineData("Школа", "Москва", "Mars/Olympus", "school.timezone-invalid")]
    public async Task Invalid_school_is_refused_with_the_rule_it_broke(string name, string region, string timeZone, string code)
    {
        var op = await SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);

        var error = await Assert.ThrowsAsync<DomainException>(() => Directory.CreateSchoolAsync(op, new SchoolDraft(name, region, timeZone)));

        Assert.Equal(code, error.Code);
    }
}
