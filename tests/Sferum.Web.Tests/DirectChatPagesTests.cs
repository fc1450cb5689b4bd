using System.Net;
using System.Text.RegularExpressions;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>From the class page a student writes to her teacher; an outsider cannot use the class page to write.</summary>
[Collection(WebCollection.Name)]
public sealed partial class DirectChatPagesTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_student_opens_a_direct_chat_with_her_homeroom_teacher_from_the_class_page()
    {
        // Only people who already use Sferum can be written to: the teacher signs in once.
        using (var teacherBrowser = new OidcHttpBrowser(env.Stack.WebUrl))
        {
            await teacherBrowser.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
        }

        var student = env.User("student");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await (await browser.SignInAsync(student.Login, student.Password)).Content.ReadAsStringAsync();
        var classPath = ClassLink().Match(home).Groups[1].Value;

        var chat = await browser.SubmitAsync(classPath, "class=\"link write\"", []);
        var html = await chat.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        Assert.StartsWith("/Chats/", chat.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"{env.User("teacher").FirstName} {env.User("teacher").LastName}", html); // named after the teacher
    }

    [Fact]
    public async Task An_outsider_cannot_post_to_a_class_page_to_open_chats()
    {
        var student = env.User("student");
        using var member = new OidcHttpBrowser(env.Stack.WebUrl);
        var classPath = ClassLink().Match(await (await member.SignInAsync(student.Login, student.Password)).Content.ReadAsStringAsync()).Groups[1].Value;
        var guest = env.User("guest");
        using var outsider = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await (await outsider.SignInAsync(guest.Login, guest.Password)).Content.ReadAsStringAsync();
        var token = Regex.Match(home, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await outsider.PostAsync($"{classPath}?handler=Direct", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userId"] = Guid.NewGuid().ToString(),
        }));
        var group = await outsider.PostAsync($"{classPath}?handler=Group", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["title"] = "Чужая группа",
            ["members"] = Guid.NewGuid().ToString(),
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, group.StatusCode);
    }

    [GeneratedRegex("<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>")]
    private static partial Regex ClassLink();
}
