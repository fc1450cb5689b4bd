using System.Net;
using Microsoft.Playwright;

namespace Sferum.Bench.Video;

/// <summary>
/// An HttpClient that is a signed-in member as far as Sferum can tell: it carries the cookies of that member's
/// browser (the sign-in through the identity provider happened there), sends the antiforgery token of the meeting page,
/// and has entered the meeting as the page's «Войти во встречу» does. The browser context is closed afterwards, so
/// only the lean subscribers cost CPU.
/// </summary>
public static class MemberClient
{
    public static async Task<HttpClient> ForAsync(IPage page, string webUrl, Guid meetingId)
    {
        await page.GotoAsync($"{webUrl}/Meetings/{meetingId}");
        var token = await page.EvaluateAsync<string>("() => document.querySelector('input[name=__RequestVerificationToken]').value");
        var cookies = new CookieContainer();
        foreach (var cookie in await page.Context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        await page.Context.CloseAsync();
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, MaxConnectionsPerServer = 32 })
        {
            BaseAddress = new Uri(webUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        using var entered = await http.PostAsync($"/api/meetings/{meetingId}/enter", null);
        entered.EnsureSuccessStatusCode();
        return http;
    }
}
