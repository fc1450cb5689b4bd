using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using MimeKit;
using Npgsql;
using Sferum.Chats;
using Sferum.Local;
using Sferum.Testing;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// A stack of its own whose silo sends e-mail digests to a real SMTP server (aiosmtpd) the test starts, with the
/// scheduler's reminder ticking every minute: the production path, from the durable reminder to the letter.
/// </summary>
public sealed class DigestStackFixture : IAsyncLifetime
{
    public const string PublicUrl = "https://sferum.school.test";

    public DigestStackFixture()
    {
        Smtp = new SmtpTestServer(FreePorts.Next());
        Env = WebTestEnvironment.With(new Dictionary<string, string>
        {
            ["Sferum__Digest__Enabled"] = "true",
            ["Sferum__Digest__PublicUrl"] = PublicUrl,
            ["Sferum__Digest__Smtp__Host"] = "127.0.0.1",
            ["Sferum__Digest__Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sferum__Digest__Smtp__Tls"] = "None",
            ["Sferum__Digest__Smtp__From"] = "sferum@school.test",
            ["Sferum__Digest__ScanMinutes"] = "1",
        }, Printed.Enqueue);
    }

    public SmtpTestServer Smtp { get; }

    public WebTestEnvironment Env { get; }

    public ConcurrentQueue<string> Printed { get; } = new();

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await Env.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Env.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[Collection(WebCollection.Name)]
public sealed class DigestDeliveryTests(DigestStackFixture stack) : IClassFixture<DigestStackFixture>
{
    [Fact]
    public async Task The_schedulers_reminder_sends_the_parent_her_digest_and_its_one_click_link_turns_it_off()
    {
        var env = stack.Env;
        // A digest is never sent in quiet hours (21:00–08:00 Moscow by default): the school's window is moved away
        // from now, so that the test means the same at any hour it runs (this stack is the test's own).
        using (var admin = await env.SignedInAsync("admin"))
        {
            var now = QuietHours.MoscowNow;
            await QuietHours.SetAsync(admin, await QuietHours.DemoSchoolAsync(admin), now.AddHours(3), now.AddHours(4));
        }

        using var parent = await env.SignedInAsync("parent");
        var profile = await (await parent.SubmitAsync("/Profile", "id=\"digest-form\"",
            new() { ["enabled"] = "true", ["every"] = "0", ["hour"] = "18" })).Content.ReadAsStringAsync();
        Assert.Contains("Сводка на почту включена.", profile);
        Assert.DoesNotContain("id=\"digest-not-configured\"", profile);

        using var teacherBrowser = await env.SignedInAsync("teacher");
        var home = await (await teacherBrowser.GetAsync("/")).Content.ReadAsStringAsync();
        var classId = Regex.Match(home, "<a href=\"/Classes/([0-9a-f-]{36})\">5А</a>").Groups[1].Value;
        var classPage = await (await teacherBrowser.GetAsync($"/Classes/{classId}")).Content.ReadAsStringAsync();
        var parentsChat = Guid.Parse(Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"parents-chat\"").Groups[1].Value);
        await using (var teacher = await ChatClient.ConnectAsync(env, "teacher"))
        {
            await teacher.Connection.InvokeAsync<ChatMessage>("Send", parentsChat, Guid.NewGuid().ToString(), "Собрание в четверг в 18:00", null);
        }

        // Her daily hour has come (the schedule moved into the past): the next tick of the reminder sends it.
        var database = new NpgsqlConnectionStringBuilder(env.Stack.ConnectionString) { Pooling = false }.ConnectionString;
        await Sql.ExecuteAsync(database, "UPDATE digest_schedule SET next_due_at = now() - interval '1 minute' WHERE user_id IN (SELECT user_id FROM digest_settings WHERE enabled)");
        var deadline = DateTime.UtcNow.AddSeconds(150);
        List<MimeMessage> letters;
        do
        {
            await Task.Delay(1000);
            letters = stack.Smtp.Received().Select(b => MimeMessage.Load(new MemoryStream(b))).ToList();
        }
        while (letters.Count == 0 && DateTime.UtcNow < deadline);

        var letter = Assert.Single(letters);
        Assert.Equal("parent@sferum.example", letter.To.Mailboxes.Single().Address);
        Assert.Contains("1 сообщение", letter.Subject);
        Assert.Contains(env.User("teacher").LastName, letter.TextBody);
        Assert.Contains($"{DigestStackFixture.PublicUrl}/Chats/{parentsChat}", letter.TextBody);
        Assert.DoesNotContain("Собрание", letter.TextBody + letter.HtmlBody); // the school did not allow text

        // The mail program's one click, against the portal itself, without any cookie.
        var link = new Uri(letter.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };
        var done = await anonymous.PostAsync(link.PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Сводка выключена.", await (await parent.GetAsync("/Profile")).Content.ReadAsStringAsync());
        Assert.Contains(stack.Printed, line => line.Contains("E-mail digest scheduled", StringComparison.Ordinal));
    }
}
