using System.Net;
using System.Text.RegularExpressions;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// An incident through the running portal: registered on the school's page, its reminder on the admin's home page
/// (and gone once dismissed), the draft with what was entered, the first notice marked sent with the time typed in the
/// school's time, and the operators' list of every school's open incidents.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class IncidentPagesTests(WebTestEnvironment env)
{
    private static readonly Guid DemoSchool = Guid.Parse("7a5c0000-0000-4000-8000-000000000007");

    [Fact]
    public async Task A_registered_incident_reminds_the_admin_at_home_and_its_first_notice_is_marked_sent_in_school_time()
    {
        using var admin = await env.SignedInAsync("admin");
        var incidentId = await DataRequestPages.RegisterIncidentAsync(admin, DemoSchool);
        var link = $"/Schools/{DemoSchool}/Incidents/{incidentId}";

        var page = WebUtility.HtmlDecode(await (await admin.GetAsync(link)).Content.ReadAsStringAsync());
        Assert.Contains("Список класса с телефонами родителей отправлен в чужой чат", page);
        Assert.Contains("ученики 5А и их родители; количество субъектов: 26", page);
        Assert.Contains("Что сделано для устранения последствий: Сообщение удалено", page);
        Assert.Contains("Оператор: Школа № 7", page);

        var home = await (await admin.GetAsync("/")).Content.ReadAsStringAsync();
        var notice = Regex.Match(home, $"<li class=\"staff-notice\">\\s*<a href=\"{Regex.Escape(link)}\">([^<]+)</a>");
        Assert.True(notice.Success, home);
        Assert.StartsWith("Инцидент с персональными данными (Школа № 7): первое уведомление в Роскомнадзор — до", WebUtility.HtmlDecode(notice.Groups[1].Value));

        var sentAt = TimeZoneInfo.ConvertTime(DateTime.UtcNow.AddMinutes(-5), DataRequestPages.Moscow);
        // The form has a button per notice, each with its handler's address: post as the first button does.
        var token = Regex.Match(await (await admin.GetAsync(link)).Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var first = await admin.PostAsync($"{link}?handler=Sent&notice=First", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SentAt"] = sentAt.ToString("yyyy-MM-ddTHH:mm"), ["__RequestVerificationToken"] = token,
        }));
        var after = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains("Первое уведомление отмечено отправленным.", after);
        Assert.Matches($@"id=""first-deadline"">[^<]*<strong>[^<]+</strong>:\s*отправлено {Regex.Escape(sentAt.ToString("dd.MM.yyyy HH:mm"))}", after);

        // The reminder leaves the home page once dismissed.
        var noticeId = Regex.Match(home, $"<a href=\"{Regex.Escape(link)}\">[^<]+</a>.*?name=\"noticeId\" value=\"([0-9a-f-]{{36}})\"", RegexOptions.Singleline).Groups[1].Value;
        var homeToken = Regex.Match(home, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await admin.PostAsync("/?handler=DismissNotice", new FormUrlEncodedContent(new Dictionary<string, string> { ["noticeId"] = noticeId, ["__RequestVerificationToken"] = homeToken }));
        Assert.DoesNotContain($"name=\"noticeId\" value=\"{noticeId}\"", await (await admin.GetAsync("/")).Content.ReadAsStringAsync());

        // Operators see it among every school's open incidents.
        Assert.Contains(link, await (await admin.GetAsync("/Admin/Incidents")).Content.ReadAsStringAsync());
    }
}
