using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests;

/// <summary>Sessions on every device: listed on the profile, ended from another device, and then really over.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(WebTestEnvironment env)
{
    [Fact]
    public async Task Ending_a_session_from_another_device_refuses_its_cookie_and_closes_its_live_connection_within_5_seconds()
    {
        await using var phone = await ChatClient.ConnectAsync(env, "parent");
        var closed = new TaskCompletionSource();
        phone.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        using var laptop = new OidcHttpBrowser(env.Stack.WebUrl);
        await laptop.SignInAsync(env.User("parent").Login, env.User("parent").Password);
        var profile = await (await laptop.GetAsync("/Profile")).Content.ReadAsStringAsync();
        Assert.Contains("это устройство", profile);
        Assert.True(System.Text.RegularExpressions.Regex.Matches(profile, "class=\"link end-session\"").Count >= 1, profile);

        var watch = Stopwatch.StartNew();
        var ended = await laptop.SubmitAsync("/Profile", "end-other-sessions", []);
        Assert.Contains("Завершено сеансов на других устройствах", await ended.Content.ReadAsStringAsync());
        var finished = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(5)));

        Assert.Same(closed.Task, finished);
        Assert.Equal(HubConnectionState.Disconnected, phone.Connection.State);
        Console.WriteLine($"Live connection closed {watch.ElapsedMilliseconds} ms after the session was ended");
        // The phone's cookie no longer opens anything; the laptop stays signed in.
        using var phoneAgain = new HttpClient(new HttpClientHandler { CookieContainer = phone.Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(env.Stack.WebUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await phoneAgain.GetAsync("/Chats")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Chats")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_is_worthless()
    {
        using var browser = new OidcHttpBrowser(env.Stack.WebUrl);
        await browser.SignInAsync(env.User("student").Login, env.User("student").Password);
        var copied = new System.Net.CookieContainer();
        foreach (System.Net.Cookie cookie in browser.Cookies.GetAllCookies())
        {
            copied.Add(cookie);
        }

        await browser.SubmitAsync("/Profile", "/Account/Logout", []);

        using var thief = new HttpClient(new HttpClientHandler { CookieContainer = copied, AllowAutoRedirect = false }) { BaseAddress = new Uri(env.Stack.WebUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/Profile")).StatusCode);
    }

    [Fact]
    public async Task An_operator_blocking_an_account_ends_its_sessions_closes_its_connection_and_refuses_sign_in()
    {
        var relative = env.User("relative");
        await using var phone = await ChatClient.ConnectAsync(env, "relative");
        var closed = new TaskCompletionSource();
        phone.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        using var op = new OidcHttpBrowser(env.Stack.WebUrl);
        await op.SignInAsync(env.User("admin").Login, env.User("admin").Password);
        try
        {
            var blocked = await op.SubmitAsync("/Admin", "account-block", new() { ["snils"] = relative.Snils!, ["disabled"] = "true" });
            Assert.Contains("Учётная запись заблокирована", await blocked.Content.ReadAsStringAsync());
            Assert.Same(closed.Task, await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(5))));

            using var again = new OidcHttpBrowser(env.Stack.WebUrl);
            var refused = await again.SignInAsync(relative.Login, relative.Password);
            Assert.Contains("/Account/LoginFailed", refused.RequestMessage!.RequestUri!.AbsoluteUri);
            Assert.Contains("заблокирована", await refused.Content.ReadAsStringAsync());

            // Only operators block: the demo teacher is refused on the page and by the grain.
            using var teacher = new OidcHttpBrowser(env.Stack.WebUrl);
            await teacher.SignInAsync(env.User("teacher").Login, env.User("teacher").Password);
            Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/Admin")).StatusCode);
        }
        finally
        {
            var unblocked = await op.SubmitAsync("/Admin", "account-block", new() { ["snils"] = relative.Snils!, ["disabled"] = "false" });
            Assert.Contains("разблокирована", await unblocked.Content.ReadAsStringAsync());
        }

        using var back = new OidcHttpBrowser(env.Stack.WebUrl);
        var home = await back.SignInAsync(relative.Login, relative.Password);
        Assert.Contains("id=\"greeting\"", await home.Content.ReadAsStringAsync());
    }
}
