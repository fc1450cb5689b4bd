using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace Sferum.Bench.Chat;

/// <summary>What a <see cref="LeanHubConnection"/> hands over: each complete hub message and the connection's end.</summary>
public interface IHubFrameHandler
{
    /// <summary>One hub message (JSON, without its record separator), received at <paramref name="at"/> (Stopwatch ticks).</summary>
    void OnFrame(LeanHubConnection connection, ReadOnlySpan<byte> frame, long at);

    void OnClosed(LeanHubConnection connection, Exception? error);
}

/// <summary>
/// A client of SignalR's JSON hub protocol over one WebSocket, with only what the benchmark needs: the handshake,
/// invocations written as bytes, pings, and every received message handed over raw with its receipt time. The full
/// SignalR client parses every event into objects and costs several times the CPU per delivery; on a 2-core machine
/// that CPU is taken from the server under test (the peer's generator is written the same way for the same reason).
/// </summary>
public sealed class LeanHubConnection : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray();
    private static readonly byte[] Ping = "{\"type\":6}\u001e"u8.ToArray();
    private readonly ClientWebSocket socket;
    private readonly IHubFrameHandler handler;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private byte[] buffer = new byte[2048];
    private int filled;
    private long nextInvocation;
    private long lastWrite;
    private TaskCompletionSource<bool>? waiting;
    private string? closeMessage;

    private LeanHubConnection(ClientWebSocket socket, IHubFrameHandler handler, int index)
    {
        this.socket = socket;
        this.handler = handler;
        Index = index;
    }

    /// <summary>The bench's number for this member (the handler's key into its own tables).</summary>
    public int Index { get; }

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>Connects with a session cookie, as a browser with that cookie would, and completes the handshake.</summary>
    public static async Task<LeanHubConnection> ConnectAsync(Uri hub, string cookie, IHubFrameHandler handler, int index, HttpMessageInvoker invoker)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(2048, 1024);
        await socket.ConnectAsync(hub, invoker, CancellationToken.None);
        var connection = new LeanHubConnection(socket, handler, index);
        await connection.WriteAsync(Handshake);
        await connection.ReadHandshakeAsync();
        _ = connection.ReceiveLoopAsync();
        return connection;
    }

    /// <summary>Invokes a hub method; the completion arrives later as a type-3 frame naming the returned id.</summary>
    public async Task<long> InvokeAsync(string target, string jsonArguments)
    {
        var id = Interlocked.Increment(ref nextInvocation);
        var frame = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{jsonArguments}]}}\u001e");
        await WriteAsync(frame);
        return id;
    }

    /// <summary>Invokes a hub method and waits for its completion: true when it succeeded. One at a time per connection.</summary>
    public async Task<bool> InvokeAndWaitAsync(string target, string jsonArguments)
    {
        var completion = waiting = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await InvokeAsync(target, jsonArguments);
        return await completion.Task;
    }

    /// <summary>The server closes a connection that has said nothing for 30 s; an idle member pings as browsers do.</summary>
    public Task KeepAliveAsync(long now) =>
        now - Interlocked.Read(ref lastWrite) > Stopwatch.Frequency * 10 ? WriteAsync(Ping) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already gone: nothing to close.
        }

        socket.Dispose();
    }

    private async Task WriteAsync(byte[] frame)
    {
        await writing.WaitAsync();
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            Interlocked.Exchange(ref lastWrite, Stopwatch.GetTimestamp());
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task ReadHandshakeAsync()
    {
        int separator;
        while ((separator = Array.IndexOf(buffer, RecordSeparator, 0, filled)) < 0)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(filled), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The hub closed the connection during the handshake: {socket.CloseStatusDescription}");
            }

            filled += result.Count;
        }

        var answer = Encoding.UTF8.GetString(buffer, 0, separator);
        if (answer != "{}")
        {
            throw new WebSocketException($"The hub refused the handshake: {answer}");
        }

        filled -= separator + 1;
        Array.Copy(buffer, separator + 1, buffer, 0, filled);
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? error = null;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(filled), stopping.Token);
                var at = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                filled += result.Count;
                var start = 0;
                for (var end = Array.IndexOf(buffer, RecordSeparator, 0, filled); end >= 0; end = Array.IndexOf(buffer, RecordSeparator, start, filled - start))
                {
                    var frame = buffer.AsSpan(start, end - start);
                    handler.OnFrame(this, frame, at);
                    if (frame.StartsWith("{\"type\":7"u8))
                    {
                        // The hub's close message: its error names why the server ended the connection.
                        closeMessage = Encoding.UTF8.GetString(frame);
                    }

                    if (frame.StartsWith("{\"type\":3,"u8) && Interlocked.Exchange(ref waiting, null) is { } completion)
                    {
                        completion.SetResult(frame.IndexOf("\"error\":"u8) < 0);
                    }

                    start = end + 1;
                }

                filled -= start;
                if (filled > 0 && start > 0)
                {
                    Array.Copy(buffer, start, buffer, 0, filled);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        if (!stopping.IsCancellationRequested)
        {
            // An invocation still waiting has lost its answer with the connection: fail it, or the bench would wait forever.
            Interlocked.Exchange(ref waiting, null)?.TrySetException(new WebSocketException(
                $"The hub closed connection {Index} before answering: {closeMessage ?? socket.CloseStatusDescription ?? error?.Message ?? "no reason given"}"));
            handler.OnClosed(this, error);
        }
    }
}
