using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// The personal-data pages through the running portal: a school's admin sets the operator's details, orders a pupil's
/// erasure with a reason and an explicit confirmation, and downloads the act; the school's teacher, pupil and parent and
/// another school's admin are refused the pages, the order and the documents.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class PersonalDataPagesTests(WebTestEnvironment env)
{
    [Fact]
    public async Task An_admin_orders_an_erasure_with_reason_and_confirmation_and_downloads_the_act()
    {
        // A school of its own (the demo teacher is its admin) with a pupil the journal pushed.
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        using var admin = await env.SignedInAsync("teacher");
        await admin.SubmitAsync($"/Schools/{schoolId}", "Подключить", new() { ["JournalClientId"] = DemoRosterPush.ClientId });
        var surname = "Удаляемова" + Guid.NewGuid().ToString("N")[..6];
        var students = $"Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Идентификатор\r\n{surname};Вера;Ильинична;01.02.2014;6А;;WEB-S1\r\n"
            + "Остающийся;Пётр;;02.03.2014;6А;;WEB-S2\r\n";
        using var journal = await JournalClient.CreateAsync(env);
        var pushed = await journal.PostAsync($"/api/journal/v1/schools/{schoolId}/imports?apply=true",
            JournalClient.Files(("students.csv", Encoding.UTF8.GetBytes(students))));
        Assert.True(pushed.IsSuccessStatusCode, await pushed.Content.ReadAsStringAsync());

        // The operator's details are given on the one operator page; a refusal names the field and saves nothing.
        var operatorPage = $"/Schools/{schoolId}/Operator";
        var empty = await admin.SubmitAsync(operatorPage, "operator-form", new() { ["Input.LegalName"] = "", ["Input.Address"] = "170100, г. Тверь" });
        Assert.Matches("data-valmsg-for=\"Input.LegalName\"[^>]*>Полное наименование школы", await empty.Content.ReadAsStringAsync());
        var saved = await admin.SubmitAsync(operatorPage, "operator-form", new()
        {
            ["Input.LegalName"] = "МБОУ «Гимназия № 1»", ["Input.Address"] = "170100, г. Тверь, ул. Советская, д. 1",
            ["Input.ResponsibleName"] = "Иванова Мария Сергеевна", ["Input.ResponsiblePosition"] = "директор",
        });
        Assert.Contains("Сведения об операторе сохранены", await saved.Content.ReadAsStringAsync());
        // Every page that uses them shows them, with the way back to that page.
        foreach (var user in new[] { $"/Schools/{schoolId}/PersonalData", $"/Schools/{schoolId}/Consents", $"/Schools/{schoolId}/DataRequests" })
        {
            var shown = WebUtility.HtmlDecode(await (await admin.GetAsync(user)).Content.ReadAsStringAsync());
            Assert.Contains("МБОУ «Гимназия № 1», 170100, г. Тверь, ул. Советская, д. 1; ответственный — Иванова Мария Сергеевна, директор", shown);
            Assert.Contains($"href=\"{operatorPage}\"", shown);
        }

        var page = $"/Schools/{schoolId}/PersonalData";
        var policy = await admin.SubmitAsync(page, "pd-settings", new() { ["Policy.DeleteMessages"] = "false" });
        Assert.Contains("Настройки сохранены", await policy.Content.ReadAsStringAsync());

        var person = $"/Schools/{schoolId}/PersonalData/Person?member=WEB-S1";
        // The admin reaches it from the class list («данные» beside each person).
        var schoolPage = await (await admin.GetAsync($"/Schools/{schoolId}")).Content.ReadAsStringAsync();
        var classPage = await (await admin.GetAsync(ClassLink().Match(schoolPage).Value)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"{person}\"", classPage);
        Assert.Contains(surname, await (await admin.GetAsync(person)).Content.ReadAsStringAsync());
        var unconfirmed = await admin.SubmitAsync(person, "Erasure.Reason", new() { ["Erasure.Reason"] = "Заявление от 03.12.2026", ["Erasure.Position"] = "директор" });
        Assert.Contains("Подтвердите уничтожение", await unconfirmed.Content.ReadAsStringAsync());
        var noReason = await admin.SubmitAsync(person, "Erasure.Reason", new() { ["Erasure.Position"] = "директор", ["Erasure.Confirmed"] = "true" });
        Assert.Contains("Укажите основание уничтожения", await noReason.Content.ReadAsStringAsync());

        var erased = await admin.SubmitAsync(person, "Erasure.Reason", new()
        {
            ["Erasure.Reason"] = "Заявление от 03.12.2026", ["Erasure.Position"] = "директор", ["Erasure.Confirmed"] = "true",
        });
        var acts = await erased.Content.ReadAsStringAsync();
        Assert.EndsWith("/PersonalData", erased.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Персональные данные уничтожены", acts);
        Assert.Contains(surname, acts); // the list of acts is the one place that names her
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(person)).StatusCode);

        var link = WebUtility.HtmlDecode(ActLink().Match(acts).Groups[1].Value);
        var pdf = await admin.GetAsync(page + link);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = await PdfTextExtractor.TextAsync(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains($"{surname} Вера Ильинична", text);
        Assert.Contains("МБОУ «Гимназия № 1»", text);
        Assert.Contains("Заявление от 03.12.2026", text);

        // Everyone else is refused the page, the person's page, the documents and the order.
        foreach (var login in new[] { "student", "parent", "guest" })
        {
            using var other = await env.SignedInAsync(login);
            await AssertRefusedAsync(other, page, link, person);
        }

        // The school's own admin is another school's outsider: the demo school's pages refuse her.
        var demo = $"/Schools/{DemoRosterPush.DemoSchoolId}/PersonalData";
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(demo)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"{demo}/Person?member=DEMO-S1")).StatusCode);
    }

    private static async Task AssertRefusedAsync(OidcHttpBrowser browser, string page, string pdfLink, string person)
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(page + pdfLink)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(person)).StatusCode);
        var token = Token().Match(await (await browser.GetAsync("/Profile")).Content.ReadAsStringAsync()).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, person + "&handler=Erase")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Erasure.Reason"] = "чужое", ["Erasure.Position"] = "никто", ["Erasure.Confirmed"] = "true",
            }),
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(request)).StatusCode);
    }

    [GeneratedRegex("href=\"(\\?handler=Pdf&(?:amp;)?actId=[0-9a-f-]{36}&(?:amp;)?extract=false)\"")]
    private static partial Regex ActLink();

    [GeneratedRegex("/Classes/[0-9a-f-]{36}")]
    private static partial Regex ClassLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
