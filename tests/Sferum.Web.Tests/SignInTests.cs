using System.Net;
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
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        var landing = await browser.SignInAsync("teacher", "teacher");
        var home = await landing.Content.ReadAsStringAsync();

        var afterLogout = await browser.PostFormAsync(landing.RequestMessage!.RequestUri!, home, []);
        Assert.Equal(HttpStatusCode.OK, afterLogout.StatusCode);

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
}
