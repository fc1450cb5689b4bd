using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>The school's audit log in the portal: what gets written, who may read it, the CSV export.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditLogTests(WebTestEnvironment env)
{
    [Fact]
    public async Task Admins_read_invitations_and_refused_attempts_filtered_and_as_csv_and_nobody_else_does()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var home = await (await teacher.GetAsync("/")).Content.ReadAsStringAsync();
        var classPath = Regex.Match(home, "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>").Groups[1].Value;
        await teacher.SubmitAsync($"/Invitations/New?classId={classPath[9..]}&target=ClassChat", "new-invitation", new() { ["Role"] = "Student" });
        using var guest = await env.SignedInAsync("guest");
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(classPath)).StatusCode);

        using var admin = await env.SignedInAsync("admin");
        var adminHome = await (await admin.GetAsync("/")).Content.ReadAsStringAsync();
        var schoolPath = Regex.Match(adminHome, "<a href=\"(/Schools/[0-9a-f-]{36})\">Школа № 7</a>").Groups[1].Value;
        Assert.NotEmpty(schoolPath);

        var invitations = await (await admin.GetAsync($"{schoolPath}/Audit?action=invitation")).Content.ReadAsStringAsync();
        Assert.Contains("Приглашение в «5А: чат класса» (ученик)", invitations);
        Assert.Contains(env.User("teacher").LastName, invitations);
        Assert.DoesNotContain("Отказано в доступе", invitations);
        var refusals = await (await admin.GetAsync($"{schoolPath}/Audit?action=access.refused")).Content.ReadAsStringAsync();
        Assert.Contains("Отказано в доступе: ", refusals);

        // A bulk export needs the admin's one-time code: without one (or with a wrong one) it is refused with the rule.
        var withoutCode = await admin.SubmitAsync($"{schoolPath}/Audit?action=invitation", "id=\"audit-csv\"", new() { ["secondFactorCode"] = "000000" });
        Assert.Equal("text/html", withoutCode.Content.Headers.ContentType!.MediaType);
        Assert.Matches("подключите приложение|код не подошёл", await withoutCode.Content.ReadAsStringAsync());
        var code = await WebAuthenticator.CodeAsync(admin, "admin");
        var csv = await admin.SubmitAsync($"{schoolPath}/Audit?action=invitation", "id=\"audit-csv\"", new() { ["secondFactorCode"] = code });
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Время (Europe/Moscow);Кто;Действие;Описание", text);
        Assert.Contains("invitation.created", text);
        Assert.Contains("Выгружен журнал действий: записей ", await (await admin.GetAsync($"{schoolPath}/Audit?action=audit.exported")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"{schoolPath}/Audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"{schoolPath}/Audit")).StatusCode);
        foreach (var outsider in new[] { teacher, guest })
        {
            // Their own page's antiforgery token, the admin's export handler: refused before any code is looked at.
            var profile = await (await outsider.GetAsync("/Profile")).Content.ReadAsStringAsync();
            var token = System.Text.RegularExpressions.Regex.Match(profile, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var export = await outsider.PostAsync($"{schoolPath}/Audit?handler=Csv",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["secondFactorCode"] = code }));
            Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        }
    }
}
