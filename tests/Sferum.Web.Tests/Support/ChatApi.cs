using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sferum.Web.Tests.Support;

/// <summary>The chat JSON API (polls, announcements) as the chat page calls it: the antiforgery token from the page, JSON bodies.</summary>
public static partial class ChatApi
{
    public static async Task<Guid> CreatePollAsync(OidcHttpBrowser browser, Guid chatId, string question, string[] options, bool anonymous = false)
    {
        var response = await PostAsync(browser, chatId, "/polls/", new { clientId = Guid.NewGuid().ToString(), question, options, anonymous });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pollId").GetGuid();
    }

    public static async Task<HttpResponseMessage> PostAsync(OidcHttpBrowser browser, Guid chatId, string path, object body)
    {
        var page = await (await browser.GetAsync($"/Chats/{chatId}")).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/chats/{chatId}{path}") { Content = JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", token);
        return await browser.SendAsync(request);
    }

    /// <summary>Any JSON API call with the antiforgery token of the caller's profile page (null body: none).</summary>
    public static async Task<HttpResponseMessage> SendAsync(OidcHttpBrowser browser, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("RequestVerificationToken", await TokenAsync(browser));
        return await browser.SendAsync(request);
    }

    /// <summary>Publishes a link (or, with <paramref name="file"/>, a file) in a class's library through the JSON API.</summary>
    public static async Task<HttpResponseMessage> PublishMaterialAsync(OidcHttpBrowser browser, Guid classId, string subject, string title,
        string? url, (string Name, byte[] Bytes)? file = null, string? lessonDate = null)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(Guid.NewGuid().ToString()), "clientId" },
            { new StringContent(subject), "subject" },
            { new StringContent(title), "title" },
            { new StringContent(lessonDate ?? DateTime.UtcNow.ToString("yyyy-MM-dd")), "lessonDate" },
        };
        if (url is not null)
        {
            content.Add(new StringContent(url), "url");
        }

        if (file is { } f)
        {
            content.Add(new ByteArrayContent(f.Bytes), "file", f.Name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/classes/{classId}/materials/") { Content = content };
        request.Headers.Add("RequestVerificationToken", await TokenAsync(browser));
        return await browser.SendAsync(request);
    }

    public static async Task<string> TokenAsync(OidcHttpBrowser browser) =>
        TokenPattern().Match(await (await browser.GetAsync("/Profile")).Content.ReadAsStringAsync()).Groups[1].Value;

    /// <summary>The school of a class, read from the class page's link to the school's communities.</summary>
    public static async Task<Guid> SchoolOfAsync(OidcHttpBrowser member, Guid classId) =>
        Guid.Parse(Regex.Match(await (await member.GetAsync($"/Classes/{classId}")).Content.ReadAsStringAsync(),
            "href=\"/Schools/([0-9a-f-]{36})/Communities\"").Groups[1].Value);

    /// <summary>5А and its two chats, read from the home and class pages as a member (a teacher) sees them.</summary>
    public static async Task<(Guid ClassId, Guid ClassChat, Guid ParentsChat)> FiveAAsync(OidcHttpBrowser member)
    {
        var home = await (await member.GetAsync("/")).Content.ReadAsStringAsync();
        var classId = Guid.Parse(Regex.Match(home, "<a href=\"/Classes/([0-9a-f-]{36})\">5А</a>").Groups[1].Value);
        var classPage = await (await member.GetAsync($"/Classes/{classId}")).Content.ReadAsStringAsync();
        return (classId,
            Guid.Parse(Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"class-chat\"").Groups[1].Value),
            Guid.Parse(Regex.Match(classPage, "href=\"/Chats/([0-9a-f-]{36})\" id=\"parents-chat\"").Groups[1].Value));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
