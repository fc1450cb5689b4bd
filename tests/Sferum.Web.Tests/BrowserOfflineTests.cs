using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Sferum.Chats;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>
/// Sferum as an installed app on a phone: the manifest and its icons, the service worker, chats read without a network
/// under a «Нет сети» banner, a message written offline sent exactly once when the network returns, and sign-out
/// leaving nothing of the person on the device. The browser's network is cut with Playwright's offline emulation,
/// which in Chromium covers the service worker's own fetches too (an uncached page then shows the offline page).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserOfflineTests(WebTestEnvironment env)
{
    [Fact]
    public async Task The_manifest_and_its_icons_are_served_and_the_service_worker_controls_the_pages()
    {
        using var http = new HttpClient { BaseAddress = new Uri(env.Stack.WebUrl) };
        var response = await http.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Сферум", manifest.GetProperty("name").GetString());
        Assert.Equal("Сферум", manifest.GetProperty("short_name").GetString());
        Assert.Equal("/Chats", manifest.GetProperty("start_url").GetString());
        Assert.Equal("/", manifest.GetProperty("scope").GetString());
        Assert.Equal("standalone", manifest.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", manifest.GetProperty("theme_color").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", manifest.GetProperty("background_color").GetString());
        var icons = manifest.GetProperty("icons").EnumerateArray().ToList();
        foreach (var icon in icons)
        {
            var (width, height) = await PngSizeAsync(http, icon.GetProperty("src").GetString()!);
            Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
        }

        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192" && i.GetProperty("purpose").GetString() == "any");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "any");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("purpose").GetString() == "maskable");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "student", phone: true);
        Assert.Equal(manifest.GetProperty("theme_color").GetString(), await page.GetAttributeAsync("meta[name='theme-color']", "content"));
        Assert.Equal("/manifest.webmanifest", await page.GetAttributeAsync("link[rel='manifest']", "href"));
        var touchIcon = await page.GetAttributeAsync("link[rel='apple-touch-icon']", "href");
        Assert.Equal((180, 180), await PngSizeAsync(http, touchIcon!));
        var controller = await ControlledAsync(page);
        Assert.Equal($"{env.Stack.WebUrl}/sw.js", controller);
        Assert.Equal($"{env.Stack.WebUrl}/", await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope"));
        // The shell is on the device: the offline page among it.
        Assert.True(await page.EvaluateAsync<bool>("async () => !!(await caches.match('/offline.html'))"));
    }

    [Fact]
    public async Task Offline_the_chat_list_and_a_chat_opened_before_still_show_and_a_message_written_offline_is_delivered_once()
    {
        await using var teacher = await ChatClient.ConnectAsync(env, "teacher");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "student", phone: true);
        var console = new List<string>();
        page.Context.Console += (_, m) => console.Add($"{m.Type}: {m.Text}");
        await ControlledAsync(page);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var chatId = await OpenClassChatAsync(page);
        await teacher.Connection.InvokeAsync<ChatMessage>("Send", chatId, Guid.NewGuid().ToString(), $"До офлайна {tag}", null);
        await page.WaitForSelectorAsync($"#messages li[data-seq] .text:text-is('До офлайна {tag}')", new() { Timeout = 10_000 });
        await page.ReloadAsync(); // the service worker keeps this load's page and history, the message among them
        await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync($"#messages li[data-seq] .text:text-is('До офлайна {tag}')");
        await page.GotoAsync($"{env.Stack.WebUrl}/Chats"); // and the list
        await page.WaitForSelectorAsync("#chat-list[data-live='true']", new() { Timeout = 15_000 });

        await page.Context.SetOfflineAsync(true);
        try
        {
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#chat-list a", new() { HasText = "5А класс" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#offline-banner")).ToHaveTextAsync("Нет сети");
            Assert.Equal("status", await page.GetAttributeAsync("#offline-banner", "role"));

            await page.GotoAsync($"{env.Stack.WebUrl}/Chats/{chatId}");
            await HistoryShownAsync(page, console);
            await Assertions.Expect(page.Locator("#messages li[data-seq] .text", new() { HasText = $"До офлайна {tag}" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#offline-banner")).ToHaveTextAsync("Нет сети");

            await page.FillAsync("#text", $"Из офлайна {tag}");
            await page.ClickAsync("#send");
            var waiting = page.Locator("#messages li.pending", new() { HasText = $"Из офлайна {tag}" });
            await Assertions.Expect(waiting.Locator(".state")).ToHaveTextAsync("ожидает отправки");

            // It waits on the device: a reload without a network still shows it, still waiting.
            await page.ReloadAsync();
            await HistoryShownAsync(page, console);
            await Assertions.Expect(waiting.Locator(".state")).ToHaveTextAsync("ожидает отправки");

        }
        finally
        {
            await page.Context.SetOfflineAsync(false);
        }

        await page.WaitForSelectorAsync($"#messages li[data-seq] .text:text-is('Из офлайна {tag}')", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#messages li.pending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#offline-banner")).ToHaveTextAsync("");
        Assert.Equal("[]", await page.EvaluateAsync<string>("() => JSON.stringify(SferumOutbox.list(document.getElementById('chat').dataset.userId, document.getElementById('chat').dataset.chatId))"));

        // Exactly once in the chat's log, as another member reads it.
        var history = await teacher.Connection.InvokeAsync<ChatPage>("History", chatId, null, null, 50);
        Assert.Single(history.Messages, m => m.Text == $"Из офлайна {tag}");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#messages li .text", new() { HasText = $"Из офлайна {tag}" })).ToHaveCountAsync(1);
        Assert.Single((await teacher.Connection.InvokeAsync<ChatPage>("History", chatId, null, null, 50)).Messages, m => m.Text == $"Из офлайна {tag}");
    }

    [Fact]
    public async Task Sign_out_leaves_no_cached_chat_and_no_outbox_on_the_device()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "student", phone: true);
        await ControlledAsync(page);
        var chatId = await OpenClassChatAsync(page);
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        Assert.True(await CachedChatEntriesAsync(page) >= 2, "the chat page and its history should be kept for the session");
        // A message waiting in the outbox (for a chat not open here, so that nothing sends it meanwhile).
        await page.EvaluateAsync(@"() => SferumOutbox.add(document.getElementById('chat').dataset.userId,
            { clientId: 'left-behind', chatId: '00000000-0000-0000-0000-000000000001', text: 'Осталось бы', replyTo: null })");
        Assert.Contains("sferum.outbox.", await page.EvaluateAsync<string>("() => Object.keys(localStorage).join(' ')"));

        await page.ClickAsync("#sign-out button");
        await page.WaitForSelectorAsync("#login-link", new() { Timeout = 15_000 });
        Assert.Equal(0, await CachedChatEntriesAsync(page));
        Assert.Equal("[]", await page.EvaluateAsync<string>(
            "() => JSON.stringify(Object.keys(localStorage).filter(k => k.startsWith('sferum.outbox.')))"));

        // Without a network the chat is not there for the next person: the offline page is (the worker's own fetch
        // failed too, so offline emulation reaches it).
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync($"{env.Stack.WebUrl}/Chats/{chatId}");
        await Assertions.Expect(page.Locator("#offline-page h1")).ToHaveTextAsync("Нет сети");
        Assert.Equal(0, await page.Locator("#messages").CountAsync());
        await page.Context.SetOfflineAsync(false);
    }

    [Fact]
    public async Task A_chat_page_loads_at_most_200_KB_of_compressed_script_and_style_all_from_Sferum()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browsers.LaunchChromiumAsync(playwright);
        var page = await Browsers.SignInAsync(browser, env, "student", phone: true);
        var link = page.Locator("#chat-list a", new() { HasText = "5А класс" });
        var chatUrl = $"{env.Stack.WebUrl}{await link.GetAttributeAsync("href")}";
        // A first load: a new page in a context whose service worker is blocked and whose HTTP cache is off, so that
        // every file comes over the network and what is counted is what a phone downloads the first time.
        var context = await browser.NewContextAsync(new() { ServiceWorkers = ServiceWorkerPolicy.Block, StorageState = await page.Context.StorageStateAsync() });
        var fresh = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(fresh);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        var responses = new List<IResponse>();
        fresh.Response += (_, r) => { if (r.Request.ResourceType is "script" or "stylesheet") responses.Add(r); };
        await fresh.GotoAsync(chatUrl);
        await fresh.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        await fresh.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.NotEmpty(responses);
        // What goes over the wire: each file asked for again as the browser asked (its Accept-Encoding), the body left
        // compressed, counted with its headers.
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        long total = 0;
        var lines = new List<string>();
        foreach (var response in responses)
        {
            Assert.StartsWith($"{env.Stack.WebUrl}/", response.Url); // Sferum's own origin: no CDN
            Assert.Equal(200, response.Status);
            var encoding = await response.HeaderValueAsync("content-encoding");
            Assert.True(encoding is "gzip" or "br", $"{response.Url} came to the browser uncompressed");
            using var again = new HttpRequestMessage(HttpMethod.Get, response.Url);
            again.Headers.TryAddWithoutValidation("Accept-Encoding", await response.Request.HeaderValueAsync("accept-encoding"));
            using var wire = await http.SendAsync(again);
            var body = (await wire.Content.ReadAsByteArrayAsync()).LongLength;
            var headers = wire.Headers.ToString().Length + wire.Content.Headers.ToString().Length + 17; // + "HTTP/1.1 200 OK\r\n"
            Assert.Equal(encoding, wire.Content.Headers.ContentEncoding.SingleOrDefault());
            total += body + headers;
            lines.Add($"{body + headers,8} B ({body,6} B {encoding}) {new Uri(response.Url).AbsolutePath}");
        }

        Console.WriteLine($"Chat page, first load: {responses.Count} scripts and stylesheets, {total} B ({total / 1024.0:F1} KB) transferred:\n{string.Join("\n", lines)}");
        Assert.True(total <= 200 * 1024, $"{total} B of script and style on a chat page: over the 200 KB budget\n{string.Join("\n", lines)}");
    }

    /// <summary>Waits for the chat's first page (from the network or the worker's copy); says what the device holds if it does not come.</summary>
    private static async Task HistoryShownAsync(IPage page, List<string> console)
    {
        try
        {
            await page.WaitForSelectorAsync("#chat[data-history='shown']", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var caches = await page.EvaluateAsync<string>(@"async () => {
                const out = [];
                for (const name of await caches.keys()) out.push(name + ': ' + (await (await caches.open(name)).keys()).map(r => r.url).join(' '));
                return out.join('\n');
            }");
            var status = string.Join(" ", await page.Locator("#status").AllInnerTextsAsync());
            Assert.Fail($"No history shown at {page.Url}. Status: '{status}'\nCaches:\n{caches}\nConsole:\n{string.Join("\n", console)}");
        }
    }

    /// <summary>Waits until the service worker controls the page; its script's address.</summary>
    private static async Task<string> ControlledAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new() { Timeout = 15_000 });
        return await page.EvaluateAsync<string>("() => navigator.serviceWorker.controller.scriptURL");
    }

    private static async Task<Guid> OpenClassChatAsync(IPage page)
    {
        await page.ClickAsync("#chat-list a:has-text('5А класс')");
        await page.WaitForSelectorAsync("#chat[data-ready='true']", new() { Timeout = 15_000 });
        return Guid.Parse((await page.GetAttributeAsync("#chat", "data-chat-id"))!);
    }

    /// <summary>Entries in the session data caches (chat pages, histories, the list).</summary>
    private static Task<int> CachedChatEntriesAsync(IPage page) => page.EvaluateAsync<int>(@"async () => {
        let n = 0;
        for (const name of await caches.keys()) if (name.startsWith('sferum-data-')) n += (await (await caches.open(name)).keys()).length;
        return n;
    }");

    private static async Task<(int Width, int Height)> PngSizeAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
