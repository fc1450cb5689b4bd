using System.Net;
using Npgsql;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>The OIDC round trip: Sferum.Web against Sferum.DevIdentity, both really listening on loopback.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_user_signs_in_through_the_provider_and_sees_their_name_and_profile()
    {
        var student = env.User("student");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);

        var landing = await browser.SignInAsync(student.Login, student.Password);
        var html = await landing.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Equal(new Uri(env.Stack.WebUrl + "/"), landing.RequestMessage!.RequestUri);
        Assert.Contains($"Здравствуйте, {student.LastName} {student.FirstName}", html);
        var profile = await (await browser.GetAsync("/Profile")).Content.ReadAsStringAsync();
        Assert.Contains(student.LastName, profile);
        Assert.Contains("стандартная", profile);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_no_session_is_opened()
    {
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);

        var response = await browser.SignInAsync("student", "not-the-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.StartsWith(env.Stack.IdentityUrl, response.RequestMessage!.RequestUri!.ToString());
        Assert.Contains("Неверный логин или пароль", html);
        Assert.DoesNotContain("Здравствуйте", await (await browser.GetAsync("/")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_session_cookie_names_the_session_only_and_the_id_token_is_kept_with_the_session()
    {
        var agent = UniqueAgent();
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl, userAgent: agent);

        await browser.SignInAsync("student", "student");

        var cookie = SessionCookieLength(browser);
        var token = await StoredTokenAsync(agent);
        Console.WriteLine($"sferum.session: {cookie} chars; the ID token kept with the session: {token.Length} chars");
        // The token alone is longer than the bound, so a cookie still carrying it could not pass.
        Assert.True(token.Split('.').Length == 3 && token.Length > 1000, $"Stored ID token: '{token}'");
        Assert.InRange(cookie, 1, 999);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        var agent = UniqueAgent();
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl, userAgent: agent);
        var landing = await browser.SignInAsync("teacher", "teacher");
        var home = await landing.Content.ReadAsStringAsync();
        var token = await StoredTokenAsync(agent);

        // The same cookies, stopping at the portal's redirect to the provider's end-session endpoint.
        using var stopping = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false, cookies: browser.Cookies, userAgent: agent);
        var logout = await stopping.PostFormAsync(landing.RequestMessage!.RequestUri!, home, []);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var endSession = logout.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(endSession.Query);
        Assert.StartsWith(env.Stack.IdentityUrl, endSession.ToString());
        Assert.Equal(token, query["id_token_hint"]);
        Assert.Equal(Sferum.Local.WebProcess.ClientId, query["client_id"]);
        // The session is over and its token gone from the table.
        Assert.Equal("signed-out:", await Sql.ScalarAsync<string>(Database,
            "SELECT ended_reason || ':' || coalesce(id_token, '') FROM user_sessions WHERE user_agent = @agent", ("agent", agent)));

        // The provider accepts the hint, ends its session and sends the browser back to the portal.
        var back = await browser.GetAsync(endSession.ToString());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(new Uri(env.Stack.WebUrl + "/"), back.RequestMessage!.RequestUri);

        using var noRedirects = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);
        foreach (Cookie cookie in browser.Cookies.GetAllCookies())
        {
            noRedirects.Cookies.Add(cookie);
        }

        var profile = await noRedirects.GetAsync("/Profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.StartsWith(env.Stack.IdentityUrl, profile.Headers.Location!.ToString());

        // The provider's own session is gone too: signing in again asks for the password.
        var again = await browser.GetAsync("/Account/Login");
        Assert.Contains("id=\"password\"", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_without_a_stored_id_token_still_signs_out_at_the_provider()
    {
        var agent = UniqueAgent();
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl, userAgent: agent);
        var landing = await browser.SignInAsync("parent", "parent");
        var home = await landing.Content.ReadAsStringAsync();
        // As a session started before the token was kept server-side.
        await Sql.ExecuteAsync(Database, "UPDATE user_sessions SET id_token = NULL WHERE user_agent = @agent", ("agent", agent));

        using var stopping = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false, cookies: browser.Cookies, userAgent: agent);
        var endSession = (await stopping.PostFormAsync(landing.RequestMessage!.RequestUri!, home, [])).Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(endSession.Query);
        Assert.Null(query["id_token_hint"]);
        Assert.Equal(Sferum.Local.WebProcess.ClientId, query["client_id"]);
        Assert.NotNull(query["post_logout_redirect_uri"]);

        var back = await browser.GetAsync(endSession.ToString());
        Assert.Equal(new Uri(env.Stack.WebUrl + "/"), back.RequestMessage!.RequestUri);
        var again = await browser.GetAsync("/Account/Login");
        Assert.Contains("id=\"password\"", await again.Content.ReadAsStringAsync());
    }

    // Not pooled: an earlier test restarts the server, which leaves dead connections in the shared pool.
    private string Database => new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;

    private static string UniqueAgent() => $"SignInTests/{Guid.NewGuid():N}";

    private Task<string> StoredTokenAsync(string agent) => Sql.ScalarAsync<string>(Database,
        "SELECT coalesce(id_token, '') FROM user_sessions WHERE user_agent = @agent AND ended_at IS NULL", ("agent", agent));

    // The cookie handler splits a cookie over 4,050 characters into chunks (sferum.sessionC1, …): all are counted.
    private int SessionCookieLength(OidcHttpBrowser browser) => browser.Cookies.GetCookies(new Uri(env.Stack.WebUrl)).Cast<Cookie>()
        .Where(c => c.Name.StartsWith("sferum.session", StringComparison.Ordinal)).Sum(c => c.Name.Length + 1 + c.Value.Length);
}
