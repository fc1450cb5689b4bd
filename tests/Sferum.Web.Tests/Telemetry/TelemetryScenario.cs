using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Local;
using Sferum.Testing.Otlp;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Telemetry;

/// <summary>
/// What the telemetry tests look at, done once: a message sent and delivered live, a burst past the sending limit, a
/// forged sign-in callback, a journal push with a bad row, an invitation link opened. It keeps what must never reach
/// telemetry (the message's words, names, SNILS, a phone, the link's token, the session cookie).
/// </summary>
public sealed partial class TelemetryScenario
{
    public required Guid ChatId { get; init; }

    public required long Seq { get; init; }

    public required int RateLimited { get; init; }

    /// <summary>Strings that may appear in no span, metric, log record or console line.</summary>
    public required IReadOnlyList<string> Secrets { get; init; }

    public static async Task<TelemetryScenario> RunAsync(WebTestEnvironment env, OtlpReceiver receiver)
    {
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        await using var student = await ChatClient.ConnectAsync(env, "student");
        var chat = (await student.Connection.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class);
        await student.Connection.InvokeAsync("Open", chat.ChatId);
        await teacher.Connection.InvokeAsync("Open", chat.ChatId);

        var words = $"Секретное слово {Guid.NewGuid():N}";
        var sent = await student.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, Guid.NewGuid().ToString(), words, null);
        var delivered = await teacher.NextEventAsync(chat.ChatId, TimeSpan.FromSeconds(10));
        Assert.Equal(sent.Seq, delivered.Seq);

        // Past the limit (20 in 10 s): the rest are refused.
        var refused = 0;
        for (var i = 0; i < 24; i++)
        {
            try
            {
                await student.Connection.InvokeAsync<ChatMessage>("Send", chat.ChatId, Guid.NewGuid().ToString(), $"ещё {i}", null);
            }
            catch (HubException ex) when (ex.Message.Contains("message.rate-limited", StringComparison.Ordinal))
            {
                refused++;
            }
        }

        // A forged sign-in callback: refused, counted as a failed sign-in.
        using var forger = new OidcHttpBrowser(env.Stack.WebUrl, followRedirects: false);
        var forged = await forger.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string> { ["state"] = "forged", ["code"] = "forged" }));
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.StartsWith("/Account/LoginFailed", forged.Headers.Location!.OriginalString);

        // The journal pushes a file with a bad row about a person: the import is refused row by row.
        using var journal = await JournalClient.CreateAsync(env);
        var badRow = "Фамилия;Имя;Класс;СНИЛС;Идентификатор\r\nЗасекреченная;Персона;5А;123-456-789 00;S-SECRET\r\n";
        var push = await journal.PostAsync($"/api/journal/v1/schools/{DemoRosterPush.DemoSchoolId}/imports",
            JournalClient.Files(("students.csv", Encoding.UTF8.GetBytes(badRow))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, push.StatusCode);

        // An invitation link: its token is a bearer secret, and travels in the URL path.
        using var inviter = await env.SignedInAsync("teacher");
        var home = await (await inviter.GetAsync("/")).Content.ReadAsStringAsync();
        var classId = Regex.Match(home, "<a href=\"/Classes/([0-9a-f-]{36})\">5А</a>").Groups[1].Value;
        var created = await inviter.SubmitAsync($"/Invitations/New?classId={classId}&target=ClassChat", "new-invitation", new() { ["Role"] = "Student" });
        var link = new Uri(LinkPattern().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value);
        using var guest = await env.SignedInAsync("guest");
        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync(link.AbsolutePath)).StatusCode);
        var token = link.AbsolutePath["/i/".Length..];

        var session = student.Cookies.GetAllCookies().Single(c => c.Name == "sferum.session");
        var user = env.User("student");
        var scenario = new TelemetryScenario
        {
            ChatId = chat.ChatId,
            Seq = sent.Seq,
            RateLimited = refused,
            Secrets =
            [
                words, user.Snils!, user.Snils!.Replace("-", "").Replace(" ", ""), $"{user.LastName} {user.FirstName}",
                env.User("parent").Snils!, "+7 900 000-00-01", "Засекреченная", "123-456-789 00", token, session.Value,
                // Any JSON web token (the provider's ID and access tokens): their header always starts so.
                "eyJhbGci",
            ],
        };
        await WaitForExportsAsync(receiver, scenario);
        return scenario;
    }

    /// <summary>Until the commit's span and the metrics of the last actions have been exported (at most 30 s).</summary>
    private static async Task WaitForExportsAsync(OtlpReceiver receiver, TelemetryScenario scenario)
    {
        for (var waited = 0; waited < 60; waited++)
        {
            var names = receiver.Points.Select(p => p.Metric).ToHashSet();
            if (names.IsSupersetOf(["sferum.rate_limit.hits", "sferum.login.failures", "sferum.roster.import.row_errors", "sferum.chat.delivery.lag"])
                && receiver.Spans.Any(s => s.Name == "chat commit" && s.Attributes.GetValueOrDefault("sferum.chat.seq.first") == scenario.Seq.ToString()))
            {
                // One more export interval: the spans of the delivery that follows the commit.
                await Task.Delay(TimeSpan.FromSeconds(1.5));
                return;
            }

            await Task.Delay(500);
        }
    }

    [GeneratedRegex("id=\"invite-link\" class=\"wide\" readonly value=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
