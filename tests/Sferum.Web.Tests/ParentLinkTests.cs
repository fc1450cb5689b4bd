using System.Net;
using System.Text.RegularExpressions;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The provider lists a parent's children (ESIA's kid scopes): the demo parent's younger daughter is in 5Б, where the
/// journal does not list her mother. The home page proposes the link; confirming puts the mother in 5Б's parents' chat.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ParentLinkTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_child_named_by_the_provider_is_proposed_and_confirming_joins_its_parents_chat_and_nothing_can_be_forged()
    {
        using var parent = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await (await parent.SignInAsync(env.User("parent").Login, env.User("parent").Password)).Content.ReadAsStringAsync();
        Assert.Contains("Петрова Мария Ивановна, 5Б", home);
        // The older child is already hers through the journal: not proposed again.
        Assert.DoesNotContain($"{env.User("student").LastName} {env.User("student").FirstName} {env.User("student").MiddleName}, 5А", home);

        // A forged proposal (another pupil of 5Б) is refused by the user grain.
        var form = Regex.Match(home, "<form[^>]*handler=ConfirmChild[^>]*>.*?</form>", RegexOptions.Singleline).Value;
        var classId = Regex.Match(form, "name=\"classId\" value=\"([^\"]+)\"").Groups[1].Value;
        var forged = await parent.PostFormAsync(new Uri(env.Stack.WebUrl + "/"), form.Replace("DEMO-S50", "DEMO-S13"), []);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var confirmed = await parent.PostFormAsync(new Uri(env.Stack.WebUrl + "/"), form, []);
        var after = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("вы в чате родителей", after);
        Assert.DoesNotContain("Петрова Мария Ивановна, 5Б", after);
        var classPage = await (await parent.GetAsync($"/Classes/{classId}")).Content.ReadAsStringAsync();
        Assert.Contains("5Б", classPage);
        var parentsChat = Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"parents-chat\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await parent.GetAsync($"/Chats/{parentsChat}")).StatusCode);
    }
}
