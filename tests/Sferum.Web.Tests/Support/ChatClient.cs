using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;

namespace Sferum.Web.Tests.Support;

/// <summary>A signed-in demo user's SignalR connection to the chat hub, recording every live event it receives.</summary>
public sealed class ChatClient : IAsyncDisposable
{
    private readonly OidcHttpBrowser browser;

    private ChatClient(OidcHttpBrowser browser, HubConnection connection)
    {
        this.browser = browser;
        Connection = connection;
        connection.On<ChatEvent>("chatEvent", e => Events.Writer.TryWrite(e));
        connection.On<Guid>("chatRemoved", id => Removed.Writer.TryWrite(id));
    }

    public HubConnection Connection { get; }

    /// <summary>The session cookie this client signed in with.</summary>
    public System.Net.CookieContainer Cookies => browser.Cookies;

    public Channel<ChatEvent> Events { get; } = Channel.CreateUnbounded<ChatEvent>();

    public Channel<Guid> Removed { get; } = Channel.CreateUnbounded<Guid>();

    public static Task<ChatClient> ConnectAsync(WebTestEnvironment env, string login) => ConnectAsync(env, login, env.Stack.WebUrl);

    /// <summary>Signs in at the web node <paramref name="webUrl"/> (its sign-in address registered at the provider) and connects.</summary>
    public static async Task<ChatClient> ConnectAsync(WebTestEnvironment env, string login, string webUrl)
    {
        var user = env.User(login);
        var browser = new OidcHttpBrowser(webUrl);
        var landed = await browser.SignInAsync(user.Login, user.Password);
        Assert.True(landed.IsSuccessStatusCode && landed.RequestMessage!.RequestUri!.Host == new Uri(webUrl).Host
            && landed.RequestMessage.RequestUri.Port == new Uri(webUrl).Port,
            $"{login} was not signed in: {(int)landed.StatusCode} at {landed.RequestMessage!.RequestUri}\n{await landed.Content.ReadAsStringAsync()}");
        var connection = new HubConnectionBuilder()
            .WithUrl($"{webUrl}/hubs/chat", o => o.Cookies = browser.Cookies)
            .Build();
        await connection.StartAsync();
        return new ChatClient(browser, connection);
    }

    /// <summary>The next live event for <paramref name="chatId"/>, or a failure after <paramref name="timeout"/>.</summary>
    public async Task<ChatEvent> NextEventAsync(Guid chatId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var e = await Events.Reader.ReadAsync(cts.Token);
            if (e.ChatId == chatId)
            {
                return e;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        browser.Dispose();
    }
}
