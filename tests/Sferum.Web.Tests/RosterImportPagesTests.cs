using System.Net;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>A school admin uploads the journal's export, reads the preview and applies it; nobody else gets in.</summary>
[Collection(WebCollection.Name)]
public sealed class RosterImportPagesTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_school_admin_uploads_previews_and_applies_the_sample_school()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(teacher.Login, teacher.Password);

        var newPage = await browser.GetAsync($"/Schools/{schoolId}/Imports/New");
        var preview = await browser.PostFilesAsync(newPage.RequestMessage!.RequestUri!, await newPage.Content.ReadAsStringAsync(),
            "id=\"upload\"", "files", SharedSamples.Files("journal-cp1251"));
        var previewHtml = await preview.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Проверено, ждёт применения", previewHtml);
        Assert.Contains("учеников 120", previewHtml);
        Assert.Contains("родителей 172", previewHtml);
        Assert.Contains("сотрудников 8", previewHtml);
        Assert.Contains("Windows-1251", previewHtml);

        var applied = await browser.PostFormAsync(preview.RequestMessage!.RequestUri!,
            FormWithApply(previewHtml), []);
        Assert.Contains("Применено", await applied.Content.ReadAsStringAsync());

        var school = await (await browser.GetAsync($"/Schools/{schoolId}")).Content.ReadAsStringAsync();
        foreach (var name in new[] { "1А", "2А", "3А", "4А", "5А" })
        {
            Assert.Contains($">{name}</a>", school);
        }
    }

    [Fact]
    public async Task An_upload_with_errors_names_file_row_and_column_and_offers_no_apply()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(teacher.Login, teacher.Password);
        var bad = "Фамилия;Имя;Отчество;Дата рождения;Класс;СНИЛС;Идентификатор\r\nИванов;Иван;Иванович;31.02.2015;5А;;S1\r\n"u8.ToArray();

        var newPage = await browser.GetAsync($"/Schools/{schoolId}/Imports/New");
        var report = await browser.PostFilesAsync(newPage.RequestMessage!.RequestUri!, await newPage.Content.ReadAsStringAsync(),
            "id=\"upload\"", "files", [("ученики.csv", bad)]);
        var html = await report.Content.ReadAsStringAsync();

        Assert.Contains("Есть ошибки", html);
        Assert.Contains("ученики.csv", html);
        Assert.Contains("Дата рождения", html);
        Assert.DoesNotContain("id=\"apply\"", html);
    }

    [Theory]
    [InlineData("student")]
    [InlineData("parent")]
    [InlineData("guest")]
    public async Task Someone_who_is_not_the_schools_admin_is_refused_everywhere(string login)
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var user = env.User(login);
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(user.Login, user.Password);

        foreach (var path in new[] { $"/Schools/{schoolId}", $"/Schools/{schoolId}/Imports/New", $"/Schools/{schoolId}/Imports/{Guid.NewGuid()}" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Гимназия", await response.Content.ReadAsStringAsync());
        }

        // A well-formed upload (with a valid antiforgery token from the user's own page) is refused by the grain.
        var home = await browser.GetAsync("/");
        var token = System.Text.RegularExpressions.Regex.Match(await home.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(SharedSamples.Files("journal-utf8")[0].Content), "files", "students.csv" },
        };
        var post = await browser.PostAsync($"/Schools/{schoolId}/Imports/New", upload);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);

        // Nor can they change the school: admins, journals, chat rules.
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
        {
            ("Appoint", new() { ["Admin.Snils"] = user.Snils ?? "112-233-445 95", ["Admin.LastName"] = "Захватов", ["Admin.FirstName"] = "Иван" }),
            ("RemoveAdmin", new() { ["snils"] = env.User("teacher").Snils! }),
            ("Journal", new() { ["JournalClientId"] = "journal-demo" }),
            ("Policy", new() { ["studentsMayWriteToClassmates"] = "true" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            var change = await browser.PostAsync($"/Schools/{schoolId}?handler={handler}&allowed=true", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        }
    }

    [Fact]
    public async Task The_admin_of_one_school_is_refused_on_another_schools_pages_and_upload()
    {
        var schoolOfParent = await SchoolSetup.CreateSchoolAsync(env, "parent");
        var schoolOfTeacher = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(teacher.Login, teacher.Password);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/Schools/{schoolOfTeacher}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/Schools/{schoolOfParent}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/Schools/{schoolOfParent}/Imports/New")).StatusCode);

        // Her own school's upload form, aimed at the other school.
        var own = await browser.GetAsync($"/Schools/{schoolOfTeacher}/Imports/New");
        var forged = await browser.PostFilesAsync(new Uri($"{env.Stack.WebUrl}/Schools/{schoolOfParent}/Imports/New"),
            await own.Content.ReadAsStringAsync(), "id=\"upload\"", "files", SharedSamples.Files("journal-utf8"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);

        foreach (var path in new[] { $"/Schools/{Guid.NewGuid()}", $"/Classes/{Guid.NewGuid()}", "/Chats", $"/Chats/{Guid.NewGuid()}" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith($"{env.Stack.IdentityUrl}/connect/authorize", response.Headers.Location!.ToString());
        }
    }

    private static string FormWithApply(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<form[^>]*handler=Apply[^>]*>.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "The preview offers no Apply button:\n" + html);
        return match.Value;
    }
}
