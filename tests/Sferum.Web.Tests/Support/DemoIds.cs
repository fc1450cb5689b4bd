using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// One of everything in the demo school, made through the portal as its people would (a poll, an announcement, a
/// material, a report, a community, a scheduled message, an invitation, a consent, a data request, an incident), so
/// that a test can name a real object behind every route. Meeting is a fresh id: the web tests run no video server.
/// </summary>
public sealed record DemoIds(Guid School, Guid Class, Guid ClassChat, Guid Invitation, Guid Import, Guid Person, Guid Poll, long Announcement,
    Guid Material, Guid Report, Guid Community, Guid Scheduled, Guid Meeting, Guid Consent, Guid DataRequest, Guid Incident)
{
    public static async Task<DemoIds> CreateAsync(WebTestEnvironment env)
    {
        using var teacher = new OidcHttpBrowser(env.Stack.WebUrl);
        await teacher.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
        var home = await (await teacher.GetAsync("/")).Content.ReadAsStringAsync();
        var classId = Guid.Parse(Regex.Match(home, "<a href=\"/Classes/([0-9a-f-]{36})\">5А</a>").Groups[1].Value);
        var classPage = await (await teacher.GetAsync($"/Classes/{classId}")).Content.ReadAsStringAsync();
        var classChat = Guid.Parse(Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"class-chat\"").Groups[1].Value);
        // The pupil signs in first: that is when the journal puts her into 5А's chats, so the announcement below reaches
        // her notification centre whichever test made the environment first.
        using var student = new OidcHttpBrowser(env.Stack.WebUrl);
        await student.SignInAsync(env.User("student").Login, env.User("student").Password);
        var poll = await ChatApi.CreatePollAsync(teacher, classChat, "Кто идёт на экскурсию?", ["Я", "Не я"]);
        var announced = await ChatApi.PostAsync(teacher, classChat, "/announcements/", new { clientId = Guid.NewGuid().ToString(), text = "Завтра субботник" });
        var announcement = (await announced.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("seq").GetInt64();
        var person = Guid.Parse(Regex.Match(classPage, "href=\"/People/([0-9a-f-]{36})\"").Groups[1].Value);
        var published = await ChatApi.PublishMaterialAsync(teacher, classId, "Математика", "Дроби", "https://example.org/fractions");
        var material = (await published.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var schoolOfClass = await ChatApi.SchoolOfAsync(teacher, classId);
        var studentPost = await ChatApi.PostAsync(student, classChat, "/scheduled", new { clientId = Guid.NewGuid().ToString(), text = "Утром", sendAt = DateTimeOffset.UtcNow.AddDays(1) });
        var scheduled = (await studentPost.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var reported = await ChatApi.PostAsync(student, classChat, $"/messages/{announcement}/report", new { reason = "Other", comment = "проверка" });
        var report = (await reported.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("reportId").GetGuid();
        var community = (await (await ChatApi.SendAsync(teacher, HttpMethod.Post, $"/api/schools/{schoolOfClass}/communities/",
            new { title = "Шахматы", description = "", openGrades = new[] { 5 }, openToParents = false })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
            .GetProperty("chatId").GetGuid();
        var created = await teacher.SubmitAsync($"/Invitations/New?classId={classId}&target=ClassChat", "new-invitation", new() { ["Role"] = "Student" });
        var invitation = Guid.Parse(created.RequestMessage!.RequestUri!.AbsolutePath["/Invitations/".Length..]);

        using var parent = new OidcHttpBrowser(env.Stack.WebUrl);
        await parent.SignInAsync(env.User("parent").Login, env.User("parent").Password);
        var consent = await ConsentPages.OwnConsentAsync(parent, "+7 900 000-00-01");

        using var admin = new OidcHttpBrowser(env.Stack.WebUrl);
        await admin.SignInAsync(env.User("admin").Login, env.User("admin").Password);
        var adminHome = await (await admin.GetAsync("/")).Content.ReadAsStringAsync();
        var school = Guid.Parse(Regex.Match(adminHome, "<a href=\"/Schools/([0-9a-f-]{36})\">Школа № 7</a>").Groups[1].Value);
        var schoolPage = await (await admin.GetAsync($"/Schools/{school}")).Content.ReadAsStringAsync();
        var import = Guid.Parse(Regex.Match(schoolPage, "/Imports/([0-9a-f-]{36})").Groups[1].Value);
        var (dataRequest, incident) = await DataRequestPages.RegisterDemoAsync(admin, school);
        return new DemoIds(school, classId, classChat, invitation, import, person, poll, announcement, material, report, community, scheduled, Guid.NewGuid(),
            consent, dataRequest, incident);
    }
}
