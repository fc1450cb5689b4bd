using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// A school in Vladivostok (UTC+10) reads its times on its own clock: not the server's (UTC here) and not Moscow's,
/// which both differ from it by hours.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class SchoolClockPagesTests(WebTestEnvironment env)
{
    private static readonly TimeZoneInfo Vladivostok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Vladivostok");
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    [Fact]
    public async Task Invitation_details_and_the_audit_log_of_a_school_in_Vladivostok_show_Vladivostok_time()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher", "Asia/Vladivostok");
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(teacher.Login, teacher.Password);
        var classId = await ImportRosterAsync(browser, schoolId);

        var created = await browser.SubmitAsync($"/Invitations/New?classId={classId}&target=ClassChat", "new-invitation", new() { ["Role"] = "Student" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var details = await (await browser.GetAsync(created.RequestMessage!.RequestUri!.AbsolutePath)).Content.ReadAsStringAsync();
        var invitationTimes = Times(details);
        Assert.True(invitationTimes.Count >= 2, details); // created at, valid until
        foreach (var t in invitationTimes)
        {
            AssertOnVladivostokClock(t, "d MMMM yyyy, HH:mm");
        }

        var audit = await (await browser.GetAsync($"/Schools/{schoolId}/Audit")).Content.ReadAsStringAsync();
        var auditTimes = Times(audit);
        Assert.NotEmpty(auditTimes); // at least the appointment and the import
        foreach (var t in auditTimes)
        {
            AssertOnVladivostokClock(t, "dd.MM.yyyy HH:mm");
        }
    }

    private static void AssertOnVladivostokClock((DateTimeOffset At, string Title, string Text) t, string format)
    {
        Assert.StartsWith("Asia/Vladivostok, UTC+10:00", t.Title);
        Assert.Equal(TimeZoneInfo.ConvertTime(t.At, Vladivostok).ToString(format, Russian), t.Text);
        // Seven hours from Moscow and ten from the server's UTC: the text can be neither.
        Assert.NotEqual(TimeZoneInfo.ConvertTime(t.At, Moscow).ToString(format, Russian), t.Text);
        Assert.NotEqual(t.At.ToLocalTime().ToString(format, Russian), t.Text);
    }

    private static List<(DateTimeOffset At, string Title, string Text)> Times(string html) =>
        TimePattern().Matches(html).Select(m => (
            DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture),
            WebUtility.HtmlDecode(m.Groups["title"].Value),
            WebUtility.HtmlDecode(m.Groups["text"].Value))).ToList();

    private static async Task<string> ImportRosterAsync(OidcHttpBrowser browser, Guid schoolId)
    {
        var newPage = await browser.GetAsync($"/Schools/{schoolId}/Imports/New");
        var preview = await browser.PostFilesAsync(newPage.RequestMessage!.RequestUri!, await newPage.Content.ReadAsStringAsync(),
            "id=\"upload\"", "files", SharedSamples.Files("journal-utf8"));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        var apply = Regex.Match(previewHtml, "<form[^>]*handler=Apply[^>]*>.*?</form>", RegexOptions.Singleline);
        Assert.True(apply.Success, previewHtml);
        await browser.PostFormAsync(preview.RequestMessage!.RequestUri!, apply.Value, []);
        var school = await (await browser.GetAsync($"/Schools/{schoolId}")).Content.ReadAsStringAsync();
        var match = Regex.Match(school, "<a href=\"/Classes/([0-9a-f-]{36})\">5А</a>");
        Assert.True(match.Success, school);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<time datetime=\"(?<at>[^\"]+)\" title=\"(?<title>[^\"]+)\">(?<text>[^<]+)</time>")]
    private static partial Regex TimePattern();
}
