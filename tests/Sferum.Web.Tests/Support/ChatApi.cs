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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
