using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The formal requests and incidents through the running portal: the printed access answer for the demo pupil holds
/// every section and no other person of the demo school; teachers, pupils, parents and another school's admin are
/// refused every page (beyond the matrix's anonymous visitor and outsider).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DataRequestPagesTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_access_answer_for_a_pupil_has_every_section_and_names_no_classmate_teacher_or_other_parent()
    {
        using var admin = await env.SignedInAsync("admin");
        var requestId = await DataRequestPages.RegisterAsync(admin, DemoSchool);
        var answer = await admin.GetAsync($"/Schools/{DemoSchool}/DataRequests/{requestId}/Answer");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " "));

        foreach (var section in new[] { "1. Факт обработки", "2. Правовые основания и цели", "3. Способы обработки", "4. Оператор и лица, имеющие доступ",
                     "5. Обрабатываемые данные и источник", "6. Сроки обработки и хранения", "7. Как осуществить другие права" })
        {
            Assert.Contains(section, text);
        }

        var (pupil, mother) = (env.User("student"), env.User("parent"));
        Assert.Contains($"{pupil.LastName} {pupil.FirstName} {pupil.MiddleName}", text);
        Assert.Contains($"Кому: {mother.LastName} {mother.FirstName} {mother.MiddleName}", text);
        Assert.Contains("14.03.2015", text); // the journal's birth date
        Assert.Contains("Школа № 7", text);
        // Everyone else the demo journal lists — classmates, their parents, teachers, the pupil's little sister — is absent.
        foreach (var other in DemoRosterNames().Where(n => n.JournalId is not ("DEMO-S0" or "DEMO-P0")))
        {
            Assert.DoesNotContain(other.Name, text);
        }

        // The look is in the school's log, about the pupil, from this test's address.
        var database = new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;
        Assert.True(await Sql.CountAsync(database, """
            SELECT count(*) FROM audit_log a JOIN user_identities u ON u.user_id = a.subject_user_id
            WHERE a.action = 'data-request.answer-prepared' AND a.school_id = @s AND u.snils = @snils AND host(a.client_address) = '127.0.0.1'
            """, ("s", DemoSchool), ("snils", pupil.Snils!)) >= 1);
    }

    [Fact]
    public async Task Teachers_pupils_parents_and_another_schools_admin_are_refused_every_request_and_incident_page()
    {
        using var admin = await env.SignedInAsync("admin");
        var (requestId, incidentId) = await DataRequestPages.RegisterDemoAsync(admin, DemoSchool);
        // The teacher becomes the admin of a school of her own: still nothing of Школа № 7's requests is hers.
        await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var pages = new[]
        {
            $"/Schools/{DemoSchool}/DataRequests", $"/Schools/{DemoSchool}/DataRequests/New?q=Петров", $"/Schools/{DemoSchool}/DataRequests/New?subject=j:DEMO-S0",
            $"/Schools/{DemoSchool}/DataRequests/{requestId}", $"/Schools/{DemoSchool}/DataRequests/{requestId}/Answer",
            $"/Schools/{DemoSchool}/Incidents", $"/Schools/{DemoSchool}/Incidents/{incidentId}", "/Admin/Incidents",
        };
        foreach (var login in new[] { "teacher", "student", "parent" })
        {
            using var browser = await env.SignedInAsync(login);
            foreach (var page in pages)
            {
                Assert.True((await browser.GetAsync(page)).StatusCode == HttpStatusCode.Forbidden, $"{login}: {page}");
            }

            var token = await TokenAsync(browser);
            var extend = await browser.PostAsync($"/Schools/{DemoSchool}/DataRequests/{requestId}?handler=Extend", Form(token, ("Reason", "Чужая причина продления")));
            Assert.Equal(HttpStatusCode.Forbidden, extend.StatusCode);
            var sent = await browser.PostAsync($"/Schools/{DemoSchool}/Incidents/{incidentId}?handler=Sent&notice=First", Form(token, ("SentAt", "2026-12-01T10:00")));
            Assert.Equal(HttpStatusCode.Forbidden, sent.StatusCode);
        }

        // Nothing they tried changed the request or the incident.
        var request = await (await admin.GetAsync($"/Schools/{DemoSchool}/DataRequests/{requestId}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"extend\"", request);
        Assert.Contains("не отправлено", await (await admin.GetAsync($"/Schools/{DemoSchool}/Incidents/{incidentId}")).Content.ReadAsStringAsync());
    }

    private static readonly Guid DemoSchool = Guid.Parse("7a5c0000-0000-4000-8000-000000000007");

    private IEnumerable<(string JournalId, string Name)> DemoRosterNames()
    {
        foreach (var (_, content) in DemoRoster.Build(env.Users))
        {
            var lines = Encoding.UTF8.GetString(content).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var header = lines[0].Split(';');
            var (last, first, id) = (Array.IndexOf(header, "Фамилия"), Array.IndexOf(header, "Имя"), Array.IndexOf(header, "Идентификатор"));
            foreach (var row in lines.Skip(1).Select(l => l.Split(';')))
            {
                yield return (row[id], $"{row[last]} {row[first]}");
            }
        }
    }

    private static async Task<string> TokenAsync(OidcHttpBrowser browser)
    {
        var profile = await (await browser.GetAsync("/Profile")).Content.ReadAsStringAsync();
        return Regex.Match(profile, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
