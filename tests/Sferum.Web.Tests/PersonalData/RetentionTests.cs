using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using Sferum.Chats;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.PersonalData;

/// <summary>
/// A school's retention, set and applied by its admin on «Сроки хранения»: history past its years goes (pinned
/// messages stay when the school keeps them), files past theirs are detached, a second run removes nothing, the chat
/// still reads; bad years are refused with the field named, and nobody but the school's admin reaches the page.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class RetentionTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_admin_keeps_three_years_of_chats_and_one_of_files_and_the_run_removes_exactly_that_once()
    {
        await using var pupil = await ChatClient.ConnectAsync(env, "student");
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        var chatId = (await pupil.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class).ChatId;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var old = await SendAsync(pupil, chatId, $"старое {tag}");
        var pinned = await SendAsync(pupil, chatId, $"старое закреплённое {tag}");
        await teacher.Connection.InvokeAsync<ChatMessage>("Pin", chatId, pinned.Seq, true);
        using var browser = await env.SignedInAsync("student");
        var upload = await ChatFilesTests.UploadAsync(browser, chatId, "старый-файл.pdf", Encoding.UTF8.GetBytes($"%PDF-1.4 {tag}"));
        var withFile = await pupil.Connection.InvokeAsync<ChatMessage>("SendWithFiles", chatId, Guid.NewGuid().ToString(), $"с файлом {tag}", null,
            new List<ChatAttachment> { (await upload.Content.ReadFromJsonAsync<ChatAttachment>())! });
        var recent = await SendAsync(pupil, chatId, $"свежее {tag}");
        var database = new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;
        // The messages are backdated: four years for the two old ones, two for the one with a file.
        await BackdateAsync(database, chatId, old.Seq, 4);
        await BackdateAsync(database, chatId, pinned.Seq, 4);
        await BackdateAsync(database, chatId, withFile.Seq, 2);

        using var admin = await env.SignedInAsync("admin");
        var school = await SchoolPathAsync(admin);
        var bad = await admin.SubmitAsync($"{school}/Retention", "id=\"retention-save\"", new() { ["ChatYears"] = "0", ["FileYears"] = "года три" });
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Срок хранения переписки: целое число лет от 1 до 50", badPage);
        Assert.Contains("Срок хранения файлов и записей: целое число лет от 1 до 50", badPage);

        var saved = await admin.SubmitAsync($"{school}/Retention", "id=\"retention-save\"",
            new() { ["ChatYears"] = "3", ["FileYears"] = "1", ["KeepPinned"] = "true", ["KeepMaterials"] = "false" });
        Assert.Contains("Сроки хранения сохранены", await saved.Content.ReadAsStringAsync());
        try
        {
            var run = await (await admin.SubmitAsync($"{school}/Retention", "id=\"retention-run\"", new())).Content.ReadAsStringAsync();
            Assert.Contains("удалено сообщений — 1, откреплено файлов — 1, удалено материалов — 0", run);
            Assert.Contains("id=\"retention-reports\"", run);

            Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM chat_messages WHERE chat_id = @c AND seq = @s", ("c", chatId), ("s", old.Seq)));
            Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM chat_events WHERE chat_id = @c AND seq = @s", ("c", chatId), ("s", old.Seq)));
            Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM chat_messages WHERE chat_id = @c AND seq = @s", ("c", chatId), ("s", pinned.Seq)));
            Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM chat_messages WHERE chat_id = @c AND seq = @s AND attachments = '[]'",
                ("c", chatId), ("s", withFile.Seq)));

            // The chat still reads: the kept messages are in its history, the removed one is not.
            var history = await pupil.Connection.InvokeAsync<ChatPage>("History", chatId, null, null, 200);
            var texts = history.Messages.Select(m => m.Text).ToList();
            Assert.DoesNotContain($"старое {tag}", texts);
            Assert.Contains($"старое закреплённое {tag}", texts);
            Assert.Contains($"с файлом {tag}", texts);
            Assert.Contains($"свежее {tag}", texts);
            Assert.Empty(history.Messages.Single(m => m.Seq == withFile.Seq).Attachments ?? []);

            // Idempotent: the same policy applied again finds nothing more.
            var again = await (await admin.SubmitAsync($"{school}/Retention", "id=\"retention-run\"", new())).Content.ReadAsStringAsync();
            Assert.Contains("удалено сообщений — 0, откреплено файлов — 0, удалено материалов — 0", again);
            Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM audit_log WHERE action = 'retention.policy' AND summary LIKE '%переписка — 3 года%'"));
            Assert.True(await Sql.CountAsync(database, "SELECT count(*) FROM audit_log WHERE action = 'retention.applied'") >= 2);
        }
        finally
        {
            await admin.SubmitAsync($"{school}/Retention", "id=\"retention-save\"",
                new() { ["ChatYears"] = "", ["FileYears"] = "", ["KeepPinned"] = "true", ["KeepMaterials"] = "true" });
        }
    }

    [Theory]
    [InlineData("teacher")]
    [InlineData("parent")]
    [InlineData("student")]
    public async Task Nobody_but_the_schools_admin_sees_or_runs_retention(string login)
    {
        using var admin = await env.SignedInAsync("admin");
        var school = await SchoolPathAsync(admin);
        using var member = await env.SignedInAsync(login);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{school}/Retention")).StatusCode);
    }

    private static Task<ChatMessage> SendAsync(ChatClient client, Guid chatId, string text) =>
        client.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), text, null);

    private static async Task BackdateAsync(string database, Guid chatId, long seq, int years)
    {
        await Sql.ExecuteAsync(database, "UPDATE chat_messages SET at = at - make_interval(years => @y) WHERE chat_id = @c AND seq = @s",
            ("c", chatId), ("s", seq), ("y", years));
        await Sql.ExecuteAsync(database, "UPDATE chat_events SET at = at - make_interval(years => @y) WHERE chat_id = @c AND seq = @s",
            ("c", chatId), ("s", seq), ("y", years));
    }

    private static async Task<string> SchoolPathAsync(OidcHttpBrowser admin)
    {
        var path = Regex.Match(await (await admin.GetAsync("/")).Content.ReadAsStringAsync(), "<a href=\"(/Schools/[0-9a-f-]{36})\">Школа № 7</a>").Groups[1].Value;
        Assert.NotEmpty(path);
        return path;
    }
}
