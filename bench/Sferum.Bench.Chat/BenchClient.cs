using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Chats;

namespace Sferum.Bench.Chat;

/// <summary>One simulated browser: a SignalR connection with a session cookie; it timestamps every event it receives.</summary>
public sealed class BenchClient(BenchUser user, HubConnection connection) : IAsyncDisposable
{
    public BenchUser User { get; } = user;

    public HubConnection Connection { get; } = connection;

    public static async Task<BenchClient> ConnectAsync(string webUrl, BenchUser user, string cookie, Action<BenchClient, ChatEvent, long> onEvent)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{webUrl}/hubs/chat", o =>
            {
                o.Headers["Cookie"] = $"sferum.session={cookie}";
                o.SkipNegotiation = true;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        var client = new BenchClient(user, connection);
        connection.On<ChatEvent>("chatEvent", e => onEvent(client, e, Stopwatch.GetTimestamp()));
        await connection.StartAsync();
        // As the browser does: live delivery is certain once Open returns (the hub's own start-up may still be running).
        await connection.InvokeAsync("Open", user.ChatId);
        return client;
    }

    public Task<ChatMessage> SendAsync(string text) =>
        Connection.InvokeAsync<ChatMessage>("Send", User.ChatId, Guid.NewGuid().ToString("N"), text, null);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
