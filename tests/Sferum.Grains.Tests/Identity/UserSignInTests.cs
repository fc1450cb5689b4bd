using Sferum.Common;
using Sferum.Identity;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Identity;

[Collection(GrainCollection.Name)]
public sealed class UserSignInTests(GrainTestEnvironment env)
{
    private static ExternalIdentity Identity(string subject, TrustLevel trust = TrustLevel.Standard, string? snils = "123-456-789 64") =>
        new("esia", subject, new PersonName("Петрова", "Анна", "Сергеевна"), snils, "anna@example.org", true, "+79990001122", false, trust);

    private IIdentityIndexGrain Index(ExternalIdentity identity) =>
        env.Grains.GetGrain<IIdentityIndexGrain>(IIdentityIndexGrain.KeyFor(identity.Provider, identity.Subject));

    [Fact]
    public async Task First_sign_in_creates_the_user_and_the_next_returns_the_same_user()
    {
        var identity = Identity($"subject-{Guid.NewGuid()}");

        var first = await Index(identity).SignInAsync(identity);
        var second = await Index(identity).SignInAsync(identity with { Name = new PersonName("Петрова", "Анна", null) });

        Assert.Equal(first.UserId, second.UserId);
        Assert.Equal("Петрова Анна", second.Name.FullName);
        Assert.Equal(first.UserId, await Index(identity).GetUserIdAsync());
        var stored = await env.Grains.GetGrain<IUserGrain>(first.UserId).GetProfileAsync();
        Assert.Equal("123-456-789 64", stored!.Snils);
        Assert.Equal("anna@example.org", stored.Email);
        Assert.Null(stored.Phone); // the provider did not verify it
    }

    [Fact]
    public async Task Sign_in_without_subject_is_refused_and_creates_nothing()
    {
        var identity = Identity("");
        var rowsBefore = await StoredRowsAsync();

        var error = await Assert.ThrowsAsync<DomainException>(() => Index(identity).SignInAsync(identity));

        Assert.Equal("identity.subject-missing", error.Code);
        Assert.Null(await Index(identity).GetUserIdAsync());
        Assert.Equal(rowsBefore, await StoredRowsAsync());
    }

    [Fact]
    public async Task Sign_in_with_invalid_snils_is_refused()
    {
        var identity = Identity($"subject-{Guid.NewGuid()}", snils: "123-456-789 65");

        var error = await Assert.ThrowsAsync<DomainException>(() => Index(identity).SignInAsync(identity));

        Assert.Equal("identity.snils-invalid", error.Code);
        Assert.Null(await Index(identity).GetUserIdAsync());
    }

    [Fact]
    public async Task An_identity_cannot_sign_in_through_another_subjects_index_entry()
    {
        var victim = Identity($"victim-{Guid.NewGuid()}");
        var attacker = Identity($"attacker-{Guid.NewGuid()}");

        var error = await Assert.ThrowsAsync<DomainException>(() => Index(victim).SignInAsync(attacker));

        Assert.Equal("forbidden", error.Code);
        Assert.Null(await Index(victim).GetUserIdAsync());
    }

    [Fact]
    public async Task Only_a_confirmed_account_listed_in_configuration_is_a_platform_operator()
    {
        var confirmed = Identity($"op-{Guid.NewGuid()}", TrustLevel.Confirmed, GrainTestEnvironment.OperatorSnils);
        var standard = Identity($"op-{Guid.NewGuid()}", TrustLevel.Standard, GrainTestEnvironment.OperatorSnils);
        var notListed = Identity($"op-{Guid.NewGuid()}", TrustLevel.Confirmed);

        Assert.True((await Index(confirmed).SignInAsync(confirmed)).IsPlatformOperator);
        Assert.False((await Index(standard).SignInAsync(standard)).IsPlatformOperator);
        Assert.False((await Index(notListed).SignInAsync(notListed)).IsPlatformOperator);
    }

    [Fact]
    public async Task Unknown_user_id_has_no_profile()
    {
        Assert.Null(await env.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).GetProfileAsync());
    }

    private Task<long> StoredRowsAsync() => Sql.CountAsync(env.ConnectionString, "SELECT count(*) FROM orleansstorage");
}
