using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>Materials and moderation through the JSON API of the running portal (real silo, PostgreSQL, file store).</summary>
[Collection(WebCollection.Name)]
public sealed class SchoolLifeApiTests(WebTestEnvironment env)
{
    [Fact]
    public async Task A_teachers_file_is_downloaded_by_a_pupil_with_its_type_and_name_and_counted_bad_files_are_refused()
    {
        using var teacher = await env.SignedInAsync("teacher");
        using var pupil = await env.SignedInAsync("student");
        var (classId, _, _) = await ChatApi.FiveAAsync(teacher);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% домашнее задание\n");
        var title = $"Дроби {Guid.NewGuid():N}"[..14];

        var published = await ChatApi.PublishMaterialAsync(teacher, classId, "Математика", title, null, ("дроби.pdf", pdf));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var id = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var download = await pupil.GetAsync($"/api/classes/{classId}/materials/{id}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("дроби.pdf", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var listed = await (await pupil.GetAsync($"/api/classes/{classId}/materials/?subject=Математика")).Content.ReadFromJsonAsync<JsonElement>();
        var item = listed.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(1, item.GetProperty("downloads").GetInt32());
        Assert.False(listed.GetProperty("canPublish").GetBoolean());

        var exe = await ChatApi.PublishMaterialAsync(teacher, classId, "Математика", "Программа", null, ("setup.exe", [0x4d, 0x5a]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);
        Assert.Equal("attachment.type", (await exe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        var badDate = await ChatApi.PublishMaterialAsync(teacher, classId, "Математика", "Старое", "https://example.org", lessonDate: "25.11.2026");
        Assert.Equal("material.date-invalid", (await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        var byPupil = await ChatApi.PublishMaterialAsync(pupil, classId, "Математика", "Шпаргалка", "https://example.org");
        Assert.Equal(HttpStatusCode.Forbidden, byPupil.StatusCode);

        var link = await ChatApi.PublishMaterialAsync(teacher, classId, "Литература", "Стихи Пушкина", "https://example.org/pushkin");
        var linkId = (await link.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var noRedirects = new HttpClient(new HttpClientHandler { CookieContainer = pupil.Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(env.Stack.WebUrl),
        };
        var redirect = await noRedirects.GetAsync($"/api/classes/{classId}/materials/{linkId}/download");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("https://example.org/pushkin", redirect.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_reported_message_is_hidden_by_the_teacher_and_the_admins_safety_read_is_in_the_audit_log()
    {
        using var teacher = await env.SignedInAsync("teacher");
        using var pupil = await env.SignedInAsync("student");
        using var admin = await env.SignedInAsync("admin");
        var (_, classChat, _) = await ChatApi.FiveAAsync(teacher);
        var text = $"Обидное {Guid.NewGuid():N}"[..17];
        await using var pupilHub = await ChatClient.ConnectAsync(env, "student");
        var posted = await pupilHub.Connection.InvokeAsync<Sferum.Chats.ChatMessage>("Send", classChat, Guid.NewGuid().ToString(), text, null);

        var reported = await ChatApi.PostAsync(teacher, classChat, $"/messages/{posted.Seq}/report", new { reason = "Insult", comment = "в адрес одноклассника" });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        var reportId = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reportId").GetGuid();
        var own = await ChatApi.PostAsync(pupil, classChat, $"/messages/{posted.Seq}/report", new { reason = "Spam" });
        Assert.Equal("report.own", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        var school = await ChatApi.SchoolOfAsync(teacher, (await ChatApi.FiveAAsync(teacher)).ClassId);
        var reports = await (await teacher.GetAsync($"/api/schools/{school}/reports/")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reports.EnumerateArray(), r => r.GetProperty("reportId").GetGuid() == reportId && r.GetProperty("messageText").GetString() == text);
        Assert.Equal(HttpStatusCode.Forbidden, (await pupil.GetAsync($"/api/schools/{school}/reports/")).StatusCode);

        var acted = await ChatApi.SendAsync(teacher, HttpMethod.Post, $"/api/schools/{school}/reports/{reportId}/act", new { action = "Hide" });
        Assert.Equal(HttpStatusCode.OK, acted.StatusCode);
        // Live: the pupil's open chat gets the hiding as an event of the log (after her own post's event).
        var hiddenLive = await pupilHub.NextEventAsync(classChat, TimeSpan.FromSeconds(10));
        while (hiddenLive.Type != Sferum.Chats.ChatEventType.Hidden)
        {
            hiddenLive = await pupilHub.NextEventAsync(classChat, TimeSpan.FromSeconds(10));
        }

        Assert.Equal(posted.Seq, hiddenLive.Message!.Seq);
        Assert.True(hiddenLive.Message.Hidden);
        Assert.Null(hiddenLive.Message.Text);

        var review = await admin.GetAsync($"/Chats/{classChat}/Review");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Contains("Сообщение скрыто модератором", await review.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/Chats/{classChat}/Review")).StatusCode);
        var audit = await (await admin.GetAsync($"/Schools/{school}/Audit?action=moderation")).Content.ReadAsStringAsync();
        Assert.Contains("проверка безопасности", audit);
        Assert.Contains("Скрыто сообщение", audit);
    }
}
