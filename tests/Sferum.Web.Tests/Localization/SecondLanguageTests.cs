using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;
using Sferum.Local;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Localization;

/// <summary>
/// A second language is a file: the English SharedResource.en.resx (layout and navigation only) is shown once the
/// language is listed in configuration, to a browser that asks for it by cookie or Accept-Language; the rest of the
/// page falls back to Russian. Without the setting everybody gets Russian, whatever the browser asks for. A grain's
/// refusal is worded from ErrorResource.en.resx the same way, on a page and through the chat hub.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class SecondLanguageTests(WebTestEnvironment env)
{
    [Fact]
    public async Task English_navigation_is_shown_when_the_language_is_enabled_and_asked_for()
    {
        await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, env.SpareWebPort, env.Stack.IdentityUrl,
            ["--Sferum:Localization:Languages:0=ru-RU", "--Sferum:Localization:Languages:1=en"]);
        var webUrl = $"http://127.0.0.1:{env.SpareWebPort}";
        await HttpWait.UntilOkAsync($"{webUrl}/health/ready", TimeSpan.FromSeconds(90), web);
        using var http = new HttpClient { BaseAddress = new Uri(webUrl) };

        var russian = await PageAsync(http, acceptLanguage: null, cookie: null);
        Assert.Contains("<html lang=\"ru\">", russian);
        Assert.Contains(">Войти</a>", russian);
        Assert.Contains("<footer>Сферум — закрытое пространство школы. Без рекламы.</footer>", russian);

        var english = await PageAsync(http, acceptLanguage: "en-GB,en;q=0.9", cookie: null);
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<title>Главная — Sferum</title>", english); // the page's own texts are not translated: Russian
        Assert.Contains(">Sign in</a>", english);
        Assert.Contains("<nav aria-label=\"Main menu\">", english);
        Assert.Contains("<footer>Sferum is a school’s closed space. No advertising.</footer>", english);
        Assert.DoesNotContain(">Войти</a>", english);
        Assert.Contains("Войти через Госуслуги", english);

        // The cookie (a language chosen in the portal) wins over the browser's languages.
        var chosen = await PageAsync(http, acceptLanguage: "en", cookie: "c=ru-RU|uic=ru-RU");
        Assert.Contains(">Войти</a>", chosen);
        var byCookie = await PageAsync(http, acceptLanguage: "ru", cookie: "c=en|uic=en");
        Assert.Contains(">Sign in</a>", byCookie);

        // A language nobody listed gets Russian.
        var german = await PageAsync(http, acceptLanguage: "de-DE", cookie: null);
        Assert.Contains(">Войти</a>", german);
    }

    [Fact]
    public async Task A_refusal_is_shown_in_english_on_a_page_and_through_the_hub()
    {
        await using var web = WebProcess.Start(env.Layout, env.Stack.ConnectionString, env.ClusterId, env.SpareWebPort, env.Stack.IdentityUrl,
            ["--Sferum:Localization:Languages:0=ru-RU", "--Sferum:Localization:Languages:1=en"]);
        var webUrl = $"http://127.0.0.1:{env.SpareWebPort}";
        await HttpWait.UntilOkAsync($"{webUrl}/health/ready", TimeSpan.FromSeconds(90), web);
        var student = env.User("student");
        using var browser = new OidcHttpBrowser(webUrl);
        var landed = await browser.SignInAsync(student.Login, student.Password);
        Assert.True(landed.IsSuccessStatusCode, $"Sign-in at the second node: {(int)landed.StatusCode}");

        // Russian first (no language chosen): the grain's own words.
        var russian = await (await browser.GetAsync("/Chats?q=x")).Content.ReadAsStringAsync();
        Assert.Contains("Введите от 2 до 200 символов для поиска.", russian);

        browser.Cookies.Add(new Uri(webUrl), new Cookie(".AspNetCore.Culture", Uri.EscapeDataString("c=en|uic=en")));
        var english = await (await browser.GetAsync("/Chats?q=x")).Content.ReadAsStringAsync();
        Assert.Contains("Enter 2 to 200 characters to search.", english);
        Assert.DoesNotContain("Введите от 2 до 200 символов", english);

        // The hub speaks the language its connection was opened in, arguments included.
        await using var hub = new HubConnectionBuilder().WithUrl($"{webUrl}/hubs/chat", o => o.Cookies = browser.Cookies).Build();
        await hub.StartAsync();
        var chat = (await hub.InvokeAsync<List<ChatSummary>>("Chats")).Single(c => c.Kind == ChatKind.Class);
        var empty = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ChatMessage>("Send", chat.ChatId, "en-1", "   ", null));
        var tooLong = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ChatMessage>("Send", chat.ChatId, "en-2", new string('a', 4001), null));
        Assert.Contains("message.empty: The message is empty.", empty.Message);
        Assert.Contains("message.too-long: The message is longer than 4000 characters.", tooLong.Message);
    }

    [Fact]
    public async Task The_shipped_portal_speaks_russian_to_an_english_browser()
    {
        using var http = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };

        var page = await PageAsync(http, acceptLanguage: "en-US,en;q=0.9", cookie: "c=en|uic=en");

        Assert.Contains("<html lang=\"ru\">", page);
        Assert.Contains(">Войти</a>", page);
        Assert.DoesNotContain("Sign in", page);
    }

    private static async Task<string> PageAsync(HttpClient http, string? acceptLanguage, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $".AspNetCore.Culture={Uri.EscapeDataString(cookie)}");
        }

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
