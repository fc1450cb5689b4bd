using Sferum.Bench;
using System.Diagnostics;

namespace Sferum.Bench.Chat;

/// <summary>
/// Connected members: each its own WebSocket to the portal's hub, signed in with its own session cookie. The hub
/// puts a connection into every chat of its user when it connects, as it does for a browser.
/// </summary>
public sealed class BenchMembers : IAsyncDisposable
{
    // One handler for every connection, alive as long as the process: upgraded connections leave its pool.
    private static readonly HttpMessageInvoker Invoker = new(new SocketsHttpHandler());
    private readonly CancellationTokenSource stopping = new();
    private readonly Task keepAlive;

    private BenchMembers(List<(BenchUser User, LeanHubConnection Connection)> members)
    {
        All = members;
        keepAlive = KeepAliveAsync();
    }

    public List<(BenchUser User, LeanHubConnection Connection)> All { get; }

    public static async Task<BenchMembers> ConnectAsync(string webUrl, IReadOnlyList<BenchUser> users, SessionCookies cookies,
        IHubFrameHandler handler, int firstIndex)
    {
        var hub = new Uri($"{webUrl.Replace("http://", "ws://", StringComparison.Ordinal)}/hubs/chat");
        var members = new List<(BenchUser, LeanHubConnection)>(users.Count);
        var index = firstIndex;
        foreach (var chunk in users.Chunk(100))
        {
            var start = index;
            index += chunk.Length;
            members.AddRange(await Task.WhenAll(chunk.Select(async (user, i) =>
            {
                var cookie = await cookies.ForAsync(user.UserId, user.Name);
                var connection = await LeanHubConnection.ConnectAsync(hub, $"sferum.session={cookie}", handler, start + i, Invoker);
                // As the browser's chat page does: once Open returns, live delivery of the chat to this connection is certain.
                if (!await connection.InvokeAndWaitAsync("Open", $"\"{user.ChatId}\""))
                {
                    throw new InvalidOperationException($"The hub refused to open chat {user.ChatId} for member {start + i}");
                }

                return (user, connection);
            })));
        }

        return new BenchMembers(members);
    }

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        await keepAlive;
        foreach (var chunk in All.Chunk(500))
        {
            await Task.WhenAll(chunk.Select(m => m.Connection.DisposeAsync().AsTask()));
        }
    }

    private async Task KeepAliveAsync()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), stopping.Token);
                var now = Stopwatch.GetTimestamp();
                foreach (var (_, connection) in All.Where(m => m.Connection.IsOpen))
                {
                    _ = connection.KeepAliveAsync(now);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the members.
        }
    }
}
