using System.Net;
using System.Text.RegularExpressions;

namespace Sferum.Web.Tests.Support;

/// <summary>
/// Walks the OIDC sign-in like a browser without JavaScript: follows redirects to the provider's login form, posts
/// the credentials with its antiforgery token, and follows the code back to the portal. Cookies are kept per instance.
/// </summary>
public sealed partial class OidcHttpBrowser : IDisposable
{
    private readonly HttpClient client;

    /// <param name="cookies">Another browser's cookies, shared (not copied): e.g. to stop at one redirect of its flow.</param>
    /// <param name="userAgent">Sent with every request; a unique one finds this browser's rows in <c>user_sessions</c>.</param>
    public OidcHttpBrowser(string webUrl, bool followRedirects = true, CookieContainer? cookies = null, string? userAgent = null)
    {
        Cookies = cookies ?? new CookieContainer();
        client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = followRedirects })
        {
            BaseAddress = new Uri(webUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
    }

    public CookieContainer Cookies { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync(path);

    /// <summary>Starts at the portal's login, signs in at the provider, returns the last response (back at the portal on success).</summary>
    public async Task<HttpResponseMessage> SignInAsync(string login, string password)
    {
        var loginPage = await client.GetAsync("/Account/Login");
        var html = await loginPage.Content.ReadAsStringAsync();
        Assert.True(loginPage.IsSuccessStatusCode, $"Login page: {(int)loginPage.StatusCode} {html}");
        return await PostFormAsync(loginPage.RequestMessage!.RequestUri!, html, new() { ["login"] = login, ["password"] = password });
    }

    /// <summary>Posts the page's first form with its hidden fields plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(Uri pageUri, string html, Dictionary<string, string> fields)
    {
        var form = FormPattern().Match(html);
        Assert.True(form.Success, $"No form on {pageUri}:\n{html}");
        var values = new Dictionary<string, string>();
        foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
        {
            var attributes = Attributes(input.Value);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                values[name] = attributes.GetValueOrDefault("value", "");
            }
        }

        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = Attributes(form.Groups["attrs"].Value).GetValueOrDefault("action", "");
        var target = string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action);
        return await client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>Posts the page's first multipart form: its hidden fields, <paramref name="fields"/> and the files.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(Uri pageUri, string html, string marker, string fileField, IEnumerable<(string Name, byte[] Content)> files)
    {
        var form = FormWith(pageUri, html, marker);
        using var content = new MultipartFormDataContent();
        foreach (Match input in InputPattern().Matches(form.Groups["body"].Value))
        {
            var attributes = Attributes(input.Value);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                content.Add(new StringContent(attributes.GetValueOrDefault("value", "")), name);
            }
        }

        foreach (var (fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), fileField, fileName);
        }

        var action = Attributes(form.Groups["attrs"].Value).GetValueOrDefault("action", "");
        return await client.PostAsync(string.IsNullOrEmpty(action) ? pageUri : new Uri(pageUri, action), content);
    }

    /// <summary>GETs a page and posts the form containing <paramref name="marker"/> with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string marker, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"{path}: {(int)page.StatusCode}");
        var uri = page.RequestMessage!.RequestUri!;
        return await PostFormAsync(uri, FormWith(uri, html, marker).Value, fields);
    }

    /// <summary>Posts the form containing <paramref name="marker"/> on a page already received (e.g. the answer to another post).</summary>
    public async Task<HttpResponseMessage> SubmitOnAsync(HttpResponseMessage page, string marker, Dictionary<string, string> fields)
    {
        var uri = page.RequestMessage!.RequestUri!;
        return await PostFormAsync(uri, FormWith(uri, await page.Content.ReadAsStringAsync(), marker).Value, fields);
    }

    // Every signed-in page starts with the layout's sign-out form, so forms are picked by something inside them.
    private static Match FormWith(Uri pageUri, string html, string marker)
    {
        var form = FormPattern().Matches(html).FirstOrDefault(f => f.Value.Contains(marker, StringComparison.Ordinal));
        Assert.True(form is not null, $"No form with {marker} on {pageUri}:\n{html}");
        return form;
    }

    public Task<HttpResponseMessage> PostAsync(string path, HttpContent content) => client.PostAsync(path, content);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => client.SendAsync(request);

    public void Dispose() => client.Dispose();

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag)
            .GroupBy(m => m.Groups["name"].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));

    [GeneratedRegex("""<form\b(?<attrs>[^>]*)>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input\b[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex AttributePattern();
}
