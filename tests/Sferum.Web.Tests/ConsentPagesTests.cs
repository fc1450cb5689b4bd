using System.Net;
using System.Text.RegularExpressions;
using Npgsql;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Consents through the portal: the demo parent's own consent is in the school's register for its admin, and reading
/// the register is audited; the class's teacher sees the number on the class page, audited too; a pupil and the
/// teacher are refused the register; an invalid operator form names the field.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ConsentPagesTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_parents_consent_is_in_the_admins_register_and_her_number_on_the_class_page_for_its_teacher_each_read_audited()
    {
        using var parent = await env.SignedInAsync("parent");
        await ConsentPages.OwnConsentAsync(parent, "+7 900 000-00-01");
        var parentUser = env.User("parent");
        // Not pooled: an earlier test restarts the server, which leaves dead connections in the shared pool.
        var database = new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;
        Task<long> Count(string action) => Sql.CountAsync(database,
            "SELECT count(*) FROM audit_log WHERE action = @a AND host(client_address) = '127.0.0.1'", ("a", action));
        var (registerReads, phoneReads) = (await Count("consent.register-viewed"), await Count("person.contact-viewed"));

        using var admin = await env.SignedInAsync("admin");
        var schoolPath = Regex.Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync(), "<a href=\"(/Schools/[0-9a-f-]{36})\">Школа № 7</a>").Groups[1].Value;
        var register = await DecodedAsync(admin, $"{schoolPath}/Consents?state=in-force&name={Uri.EscapeDataString(parentUser.LastName)}");
        Assert.Contains($"{parentUser.LastName} {parentUser.FirstName}", register);
        Assert.Contains("Контактный телефон для учителей класса, версия 1", register);
        Assert.DoesNotContain("+79000000001", register); // the register says who consented to what, not the data itself
        Assert.Equal(registerReads + 1, await Count("consent.register-viewed"));

        using var teacher = await env.SignedInAsync("teacher");
        var classPath = Regex.Match(await (await teacher.GetAsync("/")).Content.ReadAsStringAsync(), "<a href=\"(/Classes/[0-9a-f-]{36})\">5А</a>").Groups[1].Value;
        Assert.DoesNotContain("+79000000001", await DecodedAsync(teacher, classPath));
        var phones = await DecodedAsync(teacher, $"{classPath}?handler=Phones");
        Assert.Matches($"{parentUser.LastName} {parentUser.FirstName} {parentUser.MiddleName} — <a href=\"tel:\\+79000000001\">", phones);
        Assert.True(await Count("person.contact-viewed") > phoneReads);

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"{schoolPath}/Consents")).StatusCode);
        using var student = await env.SignedInAsync("student");
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"{schoolPath}/Consents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await student.GetAsync($"{classPath}?handler=Phones")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"{classPath}?handler=Phones")).StatusCode);
    }

    // Razor encodes "+" as an entity; the tests read what a browser shows.
    private static async Task<string> DecodedAsync(OidcHttpBrowser browser, string path) =>
        WebUtility.HtmlDecode(await (await browser.GetAsync(path)).Content.ReadAsStringAsync());

    [Fact]
    public async Task An_operator_form_without_an_address_is_refused_naming_the_field_and_changes_nothing()
    {
        using var admin = await env.SignedInAsync("admin");
        var schoolPath = Regex.Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync(), "<a href=\"(/Schools/[0-9a-f-]{36})\">Школа № 7</a>").Groups[1].Value;
        // The register shows the operator its consents name and links to the one page where it is changed.
        var register = WebUtility.HtmlDecode(await (await admin.GetAsync($"{schoolPath}/Consents")).Content.ReadAsStringAsync());
        Assert.Contains("ГБОУ «Школа № 7» (демонстрационная), г. Москва, ул. Учебная, д. 7", register);
        Assert.Contains($"href=\"{schoolPath}/Operator\"", register);

        var refused = await admin.SubmitAsync($"{schoolPath}/Operator", "operator-form", new() { ["Input.LegalName"] = "ГБОУ «Школа № 7»", ["Input.Address"] = "" });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("data-valmsg-for=\"Input.Address\"[^>]*>Адрес школы:", html);
        var after = WebUtility.HtmlDecode(await (await admin.GetAsync($"{schoolPath}/Consents")).Content.ReadAsStringAsync());
        Assert.Contains("ГБОУ «Школа № 7» (демонстрационная), г. Москва, ул. Учебная, д. 7", after);
    }
}
