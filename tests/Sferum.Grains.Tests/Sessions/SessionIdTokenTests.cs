using Sferum.Sessions;
using Sferum.Testing;

namespace Sferum.Grains.Tests.Sessions;

/// <summary>The provider's ID token kept with a session (the sign-out hint): only its user gets it back, and it goes when the session ends.</summary>
[Collection(GrainCollection.Name)]
public sealed class SessionIdTokenTests(GrainTestEnvironment env)
{
    private IUserSessionsGrain Sessions(Guid userId) => env.Grains.GetGrain<IUserSessionsGrain>(userId);

    [Fact]
    public async Task Only_the_sessions_own_user_gets_its_sign_out_hint_back()
    {
        var (owner, outsider) = (Guid.NewGuid(), Guid.NewGuid());
        var session = await Sessions(owner).StartWithIdTokenAsync("Firefox", "10.0.0.1", "owner.id.token");
        var outsiderSession = await Sessions(outsider).StartWithIdTokenAsync("Chrome", "10.0.0.2", "outsider.id.token");

        Assert.Equal("owner.id.token", await Sessions(owner).SignOutHintAsync(session));
        // Asking through one's own grain for another's session, or through another's grain: nothing either way.
        Assert.Null(await Sessions(outsider).SignOutHintAsync(session));
        Assert.Null(await Sessions(owner).SignOutHintAsync(outsiderSession));
        Assert.Null(await Sessions(owner).SignOutHintAsync(Guid.NewGuid()));
        Assert.Equal("outsider.id.token", await Sessions(outsider).SignOutHintAsync(outsiderSession));
    }

    [Fact]
    public async Task A_session_started_without_a_token_has_no_hint()
    {
        var user = Guid.NewGuid();
        var session = await Sessions(user).StartAsync("Firefox", "10.0.0.1");

        Assert.True(await Sessions(user).TouchAsync(session));
        Assert.Null(await Sessions(user).SignOutHintAsync(session));
        Assert.Equal(0, await StoredTokensAsync(user));
    }

    [Fact]
    public async Task Ending_a_session_in_each_way_clears_its_stored_token()
    {
        var user = Guid.NewGuid();
        var signedOut = await Sessions(user).StartWithIdTokenAsync("Phone", "10.0.0.1", "a.id.token");
        var other = await Sessions(user).StartWithIdTokenAsync("Tablet", "10.0.0.2", "b.id.token");
        var kept = await Sessions(user).StartWithIdTokenAsync("Laptop", "10.0.0.3", "c.id.token");
        Assert.Equal(3, await StoredTokensAsync(user));

        await Sessions(user).EndAsync(signedOut, "signed-out");
        Assert.Null(await Sessions(user).SignOutHintAsync(signedOut));
        Assert.Equal(2, await StoredTokensAsync(user));

        Assert.Equal(1, await Sessions(user).EndOthersAsync(kept));
        Assert.Null(await Sessions(user).SignOutHintAsync(other));
        Assert.Equal("c.id.token", await Sessions(user).SignOutHintAsync(kept));
        Assert.Equal(1, await StoredTokensAsync(user));

        await Sessions(user).EndAllAsync("account-disabled");
        Assert.Null(await Sessions(user).SignOutHintAsync(kept));
        Assert.Equal(0, await StoredTokensAsync(user));
        Assert.Equal(3, await Sql.CountAsync(env.ConnectionString,
            "SELECT count(*) FROM user_sessions WHERE user_id = @user AND ended_at IS NOT NULL", ("user", user)));
    }

    private Task<long> StoredTokensAsync(Guid userId) => Sql.CountAsync(env.ConnectionString,
        "SELECT count(*) FROM user_sessions WHERE user_id = @user AND id_token IS NOT NULL", ("user", userId));
}
