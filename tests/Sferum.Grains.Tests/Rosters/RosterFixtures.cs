using Sferum.Identity;
using Sferum.Rosters;
using Sferum.Schools;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Rosters;

/// <summary>Schools, admins and uploads for the roster tests, each test on a school of its own.</summary>
public sealed class RosterFixtures(GrainTestEnvironment env)
{
    public Task<Guid> SignInAsync(TrustLevel trust, string? snils, string lastName = "Смирнов", string? verifiedEmail = null) =>
        SignInAsync(Identity(trust, snils, lastName, verifiedEmail));

    /// <summary>A new person at the provider (a subject of her own), not signed in yet.</summary>
    public static ExternalIdentity Identity(TrustLevel trust, string? snils, string lastName = "Смирнов", string? verifiedEmail = null) =>
        new("esia", $"s-{Guid.NewGuid()}", new PersonName(lastName, "Олег", null), snils, verifiedEmail, verifiedEmail is not null, null, false, trust);

    /// <summary>Signs the person in as the provider describes her (again, for one who signed in before).</summary>
    public async Task<Guid> SignInAsync(ExternalIdentity identity)
    {
        var profile = await env.Grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor(identity.Provider, identity.Subject)).SignInAsync(identity);
        return profile.UserId;
    }

    /// <summary>A new school with one appointed admin (signed in, verified), returned as (school, admin user).</summary>
    public async Task<(Guid SchoolId, Guid AdminId)> NewSchoolAsync(string adminSnils)
    {
        var op = await SignInAsync(TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);
        var school = await env.Grains.GetGrain<ISchoolDirectoryGrain>(0).CreateSchoolAsync(op, new SchoolDraft($"Школа {Guid.NewGuid():N}"[..16], "г. Москва", "Europe/Moscow"));
        await env.Grains.GetGrain<ISchoolGrain>(school.SchoolId).AppointAdminAsync(op, adminSnils, new PersonName("Админова", "Анна", null));
        var admin = await SignInAsync(TrustLevel.Standard, adminSnils, "Админова");
        return (school.SchoolId, admin);
    }

    public static List<ImportFile> Sample(string relative) =>
        SharedSamples.Files(relative).Select(f => new ImportFile(f.Name, f.Content)).ToList();

    public IRosterImportGrain Imports(Guid schoolId) => env.Grains.GetGrain<IRosterImportGrain>(schoolId);

    public Task<long> CountAsync(string table, Guid schoolId, string where = "true") =>
        Sql.CountAsync(env.ConnectionString, $"SELECT count(*) FROM {table} WHERE school_id = @s AND {where}", ("s", schoolId));
}
