using System.Net;
using System.Text.RegularExpressions;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The demo journal pushed a roster naming the demo teacher, student and parent: signing in with a verified account
/// whose SNILS matches puts each of them in 5А. A simplified account is never matched.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class JoiningThroughTheJournalTests(WebTestEnvironment env)
{
    [Theory]
    [InlineData("teacher")]
    [InlineData("student")]
    [InlineData("parent")]
    public async Task A_verified_person_in_the_roster_finds_their_class(string login)
    {
        var user = env.User(login);
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await (await browser.SignInAsync(user.Login, user.Password)).Content.ReadAsStringAsync();

        var link = Regex.Match(home, "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>");
        Assert.True(link.Success, "No 5А on the home page:\n" + home);
        var page = await browser.GetAsync(link.Groups[1].Value);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(env.User("teacher").LastName, html);
        Assert.Contains(env.User("student").LastName, html);
        Assert.DoesNotContain("СНИЛС", html);
    }

    [Fact]
    public async Task A_simplified_account_and_someone_outside_the_class_see_no_class()
    {
        var teacher = env.User("teacher");
        using var member = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await (await member.SignInAsync(teacher.Login, teacher.Password)).Content.ReadAsStringAsync();
        var classPath = Regex.Match(home, "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>").Groups[1].Value;

        var guest = env.User("guest");
        using var outsider = new OidcHttpBrowser(env.Stack.WebUrl);
        var guestHome = await (await outsider.SignInAsync(guest.Login, guest.Password)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("/Classes/", guestHome);
        var refused = await outsider.GetAsync(classPath);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(env.User("student").LastName, await refused.Content.ReadAsStringAsync());
    }
}
