using System.Net;
using System.Text.RegularExpressions;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Invitation links through the portal, with real sign-ins: the 5А teacher invites a grandparent (on no roster) as a
/// parent of the demo student; he lands in the parents' chat and nowhere else. Bad links are refused with their reason.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class InvitationFlowTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_teacher_invites_a_grandparent_who_joins_the_parents_chat_only()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var classPath = await ClassPathAsync(teacher);
        var classPage = await (await teacher.GetAsync(classPath)).Content.ReadAsStringAsync();
        var parentsChat = Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"parents-chat\"").Groups[1].Value;
        var classChat = Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"class-chat\"").Groups[1].Value;
        var link = await CreateLinkAsync(teacher, classPath, "DEMO-S0");

        using var relative = await env.SignedInAsync("relative");
        var offer = await (await relative.GetAsync(link.AbsolutePath)).Content.ReadAsStringAsync();
        Assert.Contains("5А: чат родителей", offer);
        Assert.Contains($"{env.User("student").LastName} {env.User("student").FirstName}", offer);
        var joined = await relative.PostFormAsync(link, FormWithJoin(offer), []);

        Assert.Equal($"/Chats/{parentsChat}", joined.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await relative.GetAsync($"/Chats/{classChat}")).StatusCode);
        var chats = await (await relative.GetAsync("/Chats")).Content.ReadAsStringAsync();
        Assert.Contains(parentsChat, chats);
        Assert.DoesNotContain(classChat, chats);

        // He sees the class by names and roles only: no contact data of anyone's child.
        var seen = await (await relative.GetAsync(classPath)).Content.ReadAsStringAsync();
        Assert.Contains(env.User("student").LastName, seen);
        Assert.DoesNotContain(env.User("student").Snils!, seen);
        Assert.DoesNotContain("student@sferum.example", seen);
        Assert.DoesNotContain("+7 900 000-00-01", seen); // the mother's phone from the roster
        Assert.DoesNotContain(env.User("parent").Snils!, seen);

        // The child's profile and the mother's, as this other parent sees them: names and roles, no contact data.
        var childProfile = await ProfileAsync(relative, seen, "student");
        Assert.Contains("5А класс</a> — ученик", childProfile);
        Assert.DoesNotContain(env.User("student").Snils!, childProfile);
        Assert.DoesNotContain("14.03.2015", childProfile);
        Assert.DoesNotContain("id=\"contact\"", childProfile);
        var motherProfile = await ProfileAsync(relative, seen, "parent");
        Assert.Contains("5А класс</a> — родитель", motherProfile);
        foreach (var secret in new[] { env.User("parent").Snils!, "parent@sferum.example", "+7 900 111-22-04", "21.11.1988" })
        {
            Assert.DoesNotContain(secret, motherProfile);
        }

        // The school's admin sees the child's contact data.
        using var admin = await env.SignedInAsync("admin");
        var adminView = await ProfileAsync(admin, await (await admin.GetAsync(classPath)).Content.ReadAsStringAsync(), "student");
        Assert.Contains(env.User("student").Snils!, adminView);

        // The teacher sees who came through the link.
        var invitations = await (await teacher.GetAsync(classPath)).Content.ReadAsStringAsync();
        Assert.Contains("пришли 1", invitations);
    }

    [Fact]
    public async Task Bad_links_are_refused_with_their_reason_and_outsiders_cannot_manage_links()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var classPath = await ClassPathAsync(teacher);
        var link = await CreateLinkAsync(teacher, classPath, "DEMO-S1");

        using var guest = await env.SignedInAsync("guest");
        var simplified = await (await guest.GetAsync(link.AbsolutePath)).Content.ReadAsStringAsync();
        Assert.Contains("проверенные учётные записи", simplified);
        Assert.DoesNotContain("5А", simplified);

        var forged = link.AbsolutePath[..^5] + (link.AbsolutePath[^5] == 'A' ? 'B' : 'A') + link.AbsolutePath[^4..];
        var unknown = await (await guest.GetAsync(forged)).Content.ReadAsStringAsync();
        Assert.Contains("Такого приглашения нет", unknown);
        Assert.Contains("Такого приглашения нет", await (await guest.GetAsync("/i/not-a-token")).Content.ReadAsStringAsync());

        // Managing links is for the class's teachers: outsiders get 403 on the pages and their forms.
        var detailsPath = await DetailsPathAsync(teacher, classPath);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(detailsPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/Invitations/New?classId={classPath[9..]}&target=ParentsChat")).StatusCode);
        using var student = await env.SignedInAsync("student");
        var studentNew = await student.SubmitAsync($"/Invitations/New?classId={classPath[9..]}&target=ClassChat", "new-invitation", new() { ["Role"] = "Student" });
        Assert.Equal(HttpStatusCode.Forbidden, studentNew.StatusCode);

        var revoked = await teacher.SubmitAsync(detailsPath, "id=\"revoke\"", []);
        Assert.Contains("отозвано", await revoked.Content.ReadAsStringAsync());
        using var relative = await env.SignedInAsync("relative");
        Assert.Contains("отозвано", await (await relative.GetAsync(link.AbsolutePath)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_guessing_links_hits_the_rate_limit()
    {
        using var anonymous = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);
        var response = await anonymous.GetAsync("/i/" + new string('A', 64));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var guesser = await env.SignedInAsync("admin");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Concat(Guid.NewGuid().ToByteArray()).ToArray())
                .Replace('+', '-').Replace('/', '_');
            statuses.Add((await guesser.GetAsync("/i/" + token)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }


    private static async Task<string> ClassPathAsync(OidcHttpBrowser browser)
    {
        var home = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
        var match = Regex.Match(home, "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>");
        Assert.True(match.Success, home);
        return match.Groups[1].Value;
    }

    private static async Task<Uri> CreateLinkAsync(OidcHttpBrowser teacher, string classPath, string child)
    {
        var created = await teacher.SubmitAsync($"/Invitations/New?classId={classPath[9..]}&target=ParentsChat&role=Parent", "new-invitation",
            new() { ["Role"] = "Parent", ["Child"] = child, ["MaxUses"] = "2" });
        var html = await created.Content.ReadAsStringAsync();
        var link = LinkPattern().Match(html);
        Assert.True(link.Success, html);
        Assert.Contains("data:image/png;base64,", html);
        // Shown once: the same page later has no link.
        Assert.DoesNotMatch(LinkPattern(), await (await teacher.GetAsync(created.RequestMessage!.RequestUri!.AbsolutePath)).Content.ReadAsStringAsync());
        return new Uri(link.Groups[1].Value);
    }

    private static async Task<string> DetailsPathAsync(OidcHttpBrowser teacher, string classPath)
    {
        var page = await (await teacher.GetAsync(classPath)).Content.ReadAsStringAsync();
        // Newest first: the link just made.
        return Regex.Matches(page, "href=\"(/Invitations/[0-9a-f-]{36})\"").First().Groups[1].Value;
    }

    private static string FormWithJoin(string html) =>
        Regex.Matches(html, "<form[^>]*>.*?</form>", RegexOptions.Singleline).Single(m => m.Value.Contains("id=\"join\"")).Value;

    [GeneratedRegex("id=\"invite-link\" class=\"wide\" readonly value=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();

    /// <summary>Follows the link on a person's name on the class page to their profile.</summary>
    private async Task<string> ProfileAsync(OidcHttpBrowser browser, string classPage, string login)
    {
        var user = env.User(login);
        var id = Regex.Match(classPage, $"href=\"/People/([0-9a-f-]{{36}})\">{user.LastName} {user.FirstName}").Groups[1].Value;
        Assert.NotEmpty(id);
        var page = await browser.GetAsync($"/People/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }
}
