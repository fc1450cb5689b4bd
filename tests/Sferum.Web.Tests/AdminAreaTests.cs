using System.Net;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>The admin area is for platform operators with a confirmed account; everyone else is refused.</summary>
[Collection(WebCollection.Name)]
public sealed class AdminAreaTests(WebTestEnvironment env)
{
    [Theory]
    [InlineData("/Admin")]
    [InlineData("/Profile")]
    public async Task An_anonymous_request_is_sent_to_sign_in_and_sees_nothing(string path)
    {
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{env.Stack.IdentityUrl}/connect/authorize", response.Headers.Location!.ToString());
        Assert.DoesNotContain("Школа", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("student")] // standard trust
    [InlineData("teacher")] // confirmed, but not an operator
    [InlineData("guest")]   // simplified
    public async Task A_user_who_is_not_a_confirmed_operator_is_refused(string login)
    {
        var user = env.User(login);
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(user.Login, user.Password);

        var response = await browser.GetAsync("/Admin");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Нет доступа", html);
        Assert.DoesNotContain("Школа № 7", html);
    }

    [Fact]
    public async Task The_demo_operator_enters_the_admin_area_and_sees_the_seeded_school()
    {
        var admin = env.User("admin");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(admin.Login, admin.Password);

        var response = await browser.GetAsync("/Admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Школа № 7", await response.Content.ReadAsStringAsync());
    }
}
