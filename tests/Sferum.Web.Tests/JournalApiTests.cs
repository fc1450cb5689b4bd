using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>A journal pushes its export with an OAuth client-credentials token; only schools that connected it accept.</summary>
[Collection(WebCollection.Name)]
public sealed class JournalApiTests(WebTestEnvironment env)
{
    private const string Client = "journal-demo";

    [Fact]
    public async Task A_connected_journal_pushes_and_applies_and_a_repeat_push_changes_nothing()
    {
        var schoolId = await ConnectedSchoolAsync();
        using var http = await JournalClientAsync();

        var first = await http.PostAsync($"/api/journal/v1/schools/{schoolId}/imports?apply=true", Files("oneroster.zip"));
        var report = await ReadAsync(first);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Applied", report.GetProperty("status").GetString());
        Assert.Equal(120, report.GetProperty("contents").GetProperty("students").GetInt32());

        var again = await ReadAsync(await http.PostAsync($"/api/journal/v1/schools/{schoolId}/imports?apply=true", Files("oneroster.zip")));
        Assert.Equal("Unchanged", again.GetProperty("status").GetString());

        var fetched = await http.GetAsync($"/api/journal/v1/schools/{schoolId}/imports/{report.GetProperty("importId").GetString()}");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
    }

    [Fact]
    public async Task Errors_come_back_as_422_with_file_row_and_column()
    {
        var schoolId = await ConnectedSchoolAsync();
        using var http = await JournalClientAsync();
        var bad = "Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\nПетров;Пётр;5А;123-456-789 00;S1\r\n"u8.ToArray();

        var response = await http.PostAsync($"/api/journal/v1/schools/{schoolId}/imports", Content(("students.csv", bad)));
        var report = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = report.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("code").GetString() == "snils.invalid");
        Assert.Equal("students.csv", problem.GetProperty("file").GetString());
        Assert.Equal(2, problem.GetProperty("row").GetInt32());
        Assert.Equal("СНИЛС", problem.GetProperty("column").GetString());
    }

    [Fact]
    public async Task A_journal_that_the_school_did_not_connect_is_refused()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        using var http = await JournalClientAsync();

        var response = await http.PostAsync($"/api/journal/v1/schools/{schoolId}/imports", Files("journal-utf8"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/journal/v1/schools/{schoolId}/imports/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_unauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/journal/v1/schools/{Guid.NewGuid()}/imports", Files("journal-utf8"))).StatusCode);

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/journal/v1/schools/{Guid.NewGuid()}/imports/{Guid.NewGuid()}")).StatusCode);

        // A signed-in person's session cookie is not a journal token either.
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: true);
        await browser.SignInAsync(teacher.Login, teacher.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"/api/journal/v1/schools/{Guid.NewGuid()}/imports/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_api_is_described_in_openapi()
    {
        using var http = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };

        var json = await http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/journal/v1/schools/{schoolId}/imports", json);
    }

    private async Task<Guid> ConnectedSchoolAsync()
    {
        var schoolId = await SchoolSetup.CreateSchoolAsync(env, "teacher");
        var teacher = env.User("teacher");
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(teacher.Login, teacher.Password);
        var connected = await browser.SubmitAsync($"/Schools/{schoolId}", "Подключить", new() { ["JournalClientId"] = Client });
        Assert.Contains($"<code>{Client}</code>", await connected.Content.ReadAsStringAsync());
        return schoolId;
    }

    private Task<HttpClient> JournalClientAsync() => JournalClient.CreateAsync(env);

    private static MultipartFormDataContent Files(string sample) => Content(SharedSamples.Files(sample).ToArray());

    private static MultipartFormDataContent Content(params (string Name, byte[] Content)[] files) => JournalClient.Files(files);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
