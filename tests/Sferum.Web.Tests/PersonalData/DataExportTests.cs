using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Sferum.Chats;
using Sferum.PersonalData;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.PersonalData;

/// <summary>
/// The right to know, self-service: a person downloads, once, everything Sferum holds about them — their message
/// and its file among it — and a parent does so for her child; nobody gets anyone else's archive.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class DataExportTests(WebTestEnvironment env)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task A_pupil_downloads_her_data_once_with_her_message_and_file_and_nobody_else_can_take_it()
    {
        await using var chat = await ChatClient.ConnectAsync(env, "student");
        var chatId = (await chat.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class).ChatId;
        using var student = await env.SignedInAsync("student");
        var text = $"Моё сообщение для выгрузки {Guid.NewGuid():N}";
        var bytes = Encoding.UTF8.GetBytes($"%PDF-1.4\n% конспект {Guid.NewGuid():N}\n");
        var attachment = (await (await ChatFilesTests.UploadAsync(student, chatId, "конспект.pdf", bytes)).Content.ReadFromJsonAsync<ChatAttachment>())!;
        await chat.Connection.InvokeAsync<ChatMessage>("SendWithFiles", chatId, Guid.NewGuid().ToString(), text, null, new List<ChatAttachment> { attachment });

        var export = await StartAsync(student, "self");
        var ready = await UntilReadyAsync(student, export.ExportId);
        Assert.Equal("Мои данные", ready.SubjectName);

        // Nobody but the pupil gets the archive, and asking does not use up her one download.
        using var anonymous = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(DownloadPath(export))).StatusCode);
        foreach (var login in new[] { "guest", "teacher", "parent", "admin" })
        {
            using var other = await env.SignedInAsync(login);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(DownloadPath(export))).StatusCode);
            Assert.DoesNotContain(await ListAsync(other), e => e.ExportId == export.ExportId);
        }

        var download = await student.GetAsync(DownloadPath(export));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Superset(new HashSet<string> { "README.txt", "account.json", "roster.json", "consents.json", "classes.json", "chats.json", "messages.json",
            "materials.json", "sessions.json", "audit.json", "files/конспект.pdf" }, names.ToHashSet());
        var pupil = env.User("student");
        Assert.Contains(pupil.Snils!, Read(zip, "account.json"));
        Assert.Contains("2015-03-14", Read(zip, "roster.json"));
        Assert.Contains(text, Read(zip, "messages.json"));
        Assert.Contains("5А", Read(zip, "classes.json"));
        Assert.Equal(bytes, ReadBytes(zip, "files/конспект.pdf"));
        // Only her: the teacher's and the director's names, her mother's phone are nowhere in it.
        var everything = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)).Select(e => Read(zip, e.FullName)));
        Assert.DoesNotContain(env.User("teacher").LastName, everything);
        Assert.DoesNotContain(env.User("admin").LastName, everything);
        Assert.DoesNotContain("+7 900 000-00-01", everything);

        // Once: a second download is refused and the archive is gone from the store.
        Assert.Equal(HttpStatusCode.NotFound, (await student.GetAsync(DownloadPath(export))).StatusCode);
        Assert.Equal(DataExportStatus.Downloaded, (await ListAsync(student)).Single(e => e.ExportId == export.ExportId).Status);
        Assert.False(File.Exists(Path.Combine(env.DataDirectory, "files", "exports", $"{export.ExportId:N}.zip")));
        var database = new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;
        Assert.Equal(1, await Sql.CountAsync(database, """
            SELECT count(*) FROM audit_log a JOIN data_exports e ON e.export_id = (a.details->>'export')::uuid
            WHERE a.action = 'person.data-exported' AND a.subject_user_id = e.requester_id AND e.export_id = @id
            """, ("id", export.ExportId)));
    }

    [Fact]
    public async Task A_mother_exports_her_childs_data_and_is_refused_for_another_child_and_a_pupil_for_anyone_but_herself()
    {
        using var mother = await env.SignedInAsync("parent");
        var pupil = env.User("student");
        var page = await (await mother.GetAsync("/Profile/Data")).Content.ReadAsStringAsync();
        Assert.Contains($"Данные ребёнка: {pupil.LastName} {pupil.FirstName}", page);
        var childKey = System.Text.RegularExpressions.Regex.Match(page, "data-person=\"([0-9a-f]{32}:DEMO-S0)\"").Groups[1].Value;
        Assert.NotEmpty(childKey);

        var started = await mother.SubmitAsync("/Profile/Data", $"data-person=\"{childKey}\"", new());
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var export = (await ListAsync(mother)).First();
        await UntilReadyAsync(mother, export.ExportId);
        using var zip = new ZipArchive(new MemoryStream(await (await mother.GetAsync(DownloadPath(export))).Content.ReadAsByteArrayAsync()));
        Assert.Contains(pupil.Snils!, Read(zip, "roster.json"));
        Assert.Contains(pupil.Snils!, Read(zip, "account.json"));
        Assert.DoesNotContain(env.User("parent").Snils!, Read(zip, "roster.json"));

        // Another family's child of the same class, and the pupil naming her own roster entry as "a child".
        var school = childKey.Split(':')[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await ChatApi.SendAsync(mother, HttpMethod.Post, "/api/personal-data/exports", new { person = $"{school}:DEMO-S1" })).StatusCode);
        using var student = await env.SignedInAsync("student");
        Assert.Equal(HttpStatusCode.Forbidden, (await ChatApi.SendAsync(student, HttpMethod.Post, "/api/personal-data/exports", new { person = childKey })).StatusCode);
        using var guest = await env.SignedInAsync("guest");
        Assert.Equal(HttpStatusCode.Forbidden, (await ChatApi.SendAsync(guest, HttpMethod.Post, "/api/personal-data/exports", new { person = childKey })).StatusCode);
        Assert.DoesNotContain("Данные ребёнка", await (await guest.GetAsync("/Profile/Data")).Content.ReadAsStringAsync());
    }

    private static string DownloadPath(DataExportView export) => $"/api/personal-data/exports/{export.ExportId}/download";

    private static async Task<DataExportView> StartAsync(OidcHttpBrowser browser, string person)
    {
        var response = await ChatApi.SendAsync(browser, HttpMethod.Post, "/api/personal-data/exports", new { person });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DataExportView>(Json))!;
    }

    private static async Task<List<DataExportView>> ListAsync(OidcHttpBrowser browser) =>
        (await (await browser.GetAsync("/api/personal-data/exports")).Content.ReadFromJsonAsync<List<DataExportView>>(Json))!;

    private static async Task<DataExportView> UntilReadyAsync(OidcHttpBrowser browser, Guid exportId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var export = (await ListAsync(browser)).Single(e => e.ExportId == exportId);
            if (export.Status == DataExportStatus.Ready)
            {
                return export;
            }

            Assert.True(export.Status is DataExportStatus.Queued or DataExportStatus.Running, $"Export ended as {export.Status}: {export.Error}");
            Assert.True(DateTime.UtcNow < deadline, $"Export still {export.Status} at {export.Percent} % after 60 s");
            await Task.Delay(300);
        }
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var target = new MemoryStream();
        zip.GetEntry(name)!.Open().CopyTo(target);
        return target.ToArray();
    }
}
