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

        var csv = await admin.GetAsync($"{schoolPath}/Audit?action=invitation&handler=Csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Время (МСК);Кто;Действие;Описание", text);
        Assert.Contains("invitation.created", text);
        Assert.Contains("Выгружен журнал действий: записей ", await (await admin.GetAsync($"{schoolPath}/Audit?action=audit.exported")).Content.ReadAsStringAsync());

        foreach (var path in new[] { $"{schoolPath}/Audit", $"{schoolPath}/Audit?handler=Csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync(path)).StatusCode);
        }
    }
}
