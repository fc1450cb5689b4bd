using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Access that leaves a trace, through the portal: a school admin's look at a person's protected fields is in the audit
/// log with the person and the address the request came from; an outsider is refused, and the refusal is traced too;
/// the operator's verification command finds the chain intact.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuditTrailTests(WebTestEnvironment env)
{
    [Fact]
    public async Task An_admin_viewing_a_pupils_contact_data_leaves_an_entry_with_subject_and_address_and_an_outsider_is_refused()
    {
        using var teacher = await env.SignedInAsync("teacher");
        var home = await (await teacher.GetAsync("/")).Content.ReadAsStringAsync();
        var classPath = Regex.Match(home, "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>").Groups[1].Value;
        var student = env.User("student");
        var classPage = await (await teacher.GetAsync(classPath)).Content.ReadAsStringAsync();
        var studentId = Guid.Parse(Regex.Match(classPage, $"href=\"/People/([0-9a-f-]{{36}})\">{student.LastName} {student.FirstName}").Groups[1].Value);
        // Not pooled: an earlier test restarts the server, which leaves dead connections in the shared pool.
        var database = new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;
        var views = () => Sql.CountAsync(database, """
            SELECT count(*) FROM audit_log WHERE action = 'person.contact-viewed' AND subject_user_id = @s
              AND host(client_address) = '127.0.0.1' AND details->'fields' ? 'snils'
            """, ("s", studentId));
        var refusals = () => Sql.CountAsync(database, """
            SELECT count(*) FROM audit_log WHERE action = 'access.refused' AND summary LIKE '%MemberProfile%'
              AND host(client_address) = '127.0.0.1'
            """);
        var (viewsBefore, refusalsBefore) = (await views(), await refusals());

        using var admin = await env.SignedInAsync("admin");
        var profile = await admin.GetAsync($"/People/{studentId}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("id=\"contact\"", await profile.Content.ReadAsStringAsync());
        Assert.Equal(viewsBefore + 1, await views());

        // A teacher of the class sees no contact data and leaves no such entry; an outsider is refused, with a trace.
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/People/{studentId}")).StatusCode);
        using var guest = await env.SignedInAsync("guest");
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/People/{studentId}")).StatusCode);
        Assert.Equal(viewsBefore + 1, await views());
        Assert.Equal(refusalsBefore + 1, await refusals());

        // The school's admins read it on «Журнал действий».
        var schoolPath = Regex.Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync(),
            "<a href=\"(/Schools/[0-9a-f-]{36})\">Школа № 7</a>").Groups[1].Value;
        Assert.Contains("Просмотрены контактные данные человека: СНИЛС",
            await (await admin.GetAsync($"{schoolPath}/Audit?action=person")).Content.ReadAsStringAsync());

        var verify = await AuditVerifyTool.RunAsync(env.Layout, env.Stack.ConnectionString);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Matches(@"^OK, \d+ entries, head [0-9a-f]{64}", verify.Output);
    }
}
