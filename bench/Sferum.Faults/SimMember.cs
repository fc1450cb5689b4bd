using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Sferum.Bench;
using Sferum.Chats;

namespace Sferum.Faults;

/// <summary>
/// One simulated person with the browser's habits: a SignalR connection with its session cookie to one of the web
/// nodes (the other one when it drops), its chat opened, gaps and reconnects answered with <c>Catchup</c>, a quiet
/// chat caught up after 20 s, and an outbox that sends one message at a time and retries it with the same client id
/// until it is acknowledged. Everything it tries and applies goes into the <see cref="History"/>.
/// </summary>
public sealed class SimMember : IAsyncDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(15);
    private static readonly double QuietCatchupSeconds = 20;
    private readonly string cookie;
    private readonly IReadOnlyList<string> webUrls;
    private readonly History history;
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, ChatView> views = [];
    private readonly Channel<(Guid ChatId, string ClientId, double Written)> outbox = Channel.CreateUnbounded<(Guid, string, double)>();
    private readonly CancellationTokenSource stopping = new();
    private readonly HashSet<Guid> catchingUp = [];
    private TaskCompletionSource<HubConnection> connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int node;
    private int connectionNumber;
    private int pending;
    private Task running = Task.CompletedTask;
    private readonly Lock chatIdGate = new();
    private Guid chatId;

    public SimMember(int index, BenchUser user, string cookie, IReadOnlyList<string> webUrls, History history)
    {
        Index = index;
        UserId = user.UserId;
        ChatId = user.ChatId;
        this.cookie = cookie;
        this.webUrls = webUrls;
        this.history = history;
        node = index % webUrls.Count;
        views[user.ChatId] = new ChatView(user.ChatId, 0);
    }

    public int Index { get; }

    public Guid UserId { get; }

    /// <summary>The class chat the member is in now (changes when the journal moves them).</summary>
    public Guid ChatId
    {
        get
        {
            lock (chatIdGate)
            {
                return chatId;
            }
        }

        private set
        {
            lock (chatIdGate)
            {
                chatId = value;
            }
        }
    }

    /// <summary>Messages written but not yet acknowledged.</summary>
    public int Pending => Volatile.Read(ref pending);

    public bool IsConnected => connected.Task.IsCompletedSuccessfully;

    /// <summary>What the connection is doing (for a report when something waits too long).</summary>
    public string State { get; private set; } = "new";

    /// <summary>Connects (retrying until a web node answers), opens the chat and starts the outbox.</summary>
    public async Task StartAsync()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running = Task.WhenAll(ConnectLoopAsync(first), SendLoopAsync());
        await first.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Write(string clientId)
    {
        Interlocked.Increment(ref pending);
        outbox.Writer.TryWrite((ChatId, clientId, history.Now));
    }

    /// <summary>The journal has moved the member to another class: its chat is opened from the newest message on.</summary>
    public async Task JoinAsync(Guid chatId)
    {
        // From now on a reconnect opens the new class's chat (the old one would be refused).
        ChatId = chatId;
        HubConnection connection;
        try
        {
            connection = await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Member {Index} has had no connection for 30 s; last: {State}");
        }

        var newest = await connection.InvokeAsync<ChatPage>("History", chatId, null, null, 1);
        lock (gate)
        {
            views.TryAdd(chatId, new ChatView(chatId, newest.Messages.LastOrDefault()?.Seq ?? 0));
        }

        await connection.InvokeAsync("Open", chatId);
        await CatchupAsync(chatId);
    }

    /// <summary>What the member saw of each chat it was ever in, and the chat it is in now.</summary>
    public IReadOnlyList<ChatView> Views
    {
        get
        {
            lock (gate)
            {
                return views.Values.ToList();
            }
        }
    }

    /// <summary>The last sequence number applied in the member's current chat.</summary>
    public long LastSeq
    {
        get
        {
            lock (gate)
            {
                return views.TryGetValue(ChatId, out var view) ? view.LastSeq : 0;
            }
        }
    }

    /// <summary>As the browser does after 20 s of silence: asks for anything missed in the current chat.</summary>
    public Task CatchupIfQuietAsync(bool force = false)
    {
        bool quiet;
        lock (gate)
        {
            quiet = views.TryGetValue(ChatId, out var view) && (force || history.Now - view.LastHeard > QuietCatchupSeconds);
        }

        return quiet && IsConnected ? CatchupAsync(ChatId) : Task.CompletedTask;
    }

    /// <summary>Stops sending new messages; waits until the outbox is empty or <paramref name="timeout"/> passes.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        outbox.Writer.TryComplete();
        using var cts = new CancellationTokenSource(timeout);
        while (Pending > 0 && !cts.IsCancellationRequested)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        outbox.Writer.TryComplete();
        stopping.Cancel();
        if (connected.Task.IsCompletedSuccessfully)
        {
            await connected.Task.Result.DisposeAsync();
        }

        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task ConnectLoopAsync(TaskCompletionSource first)
    {
        while (!stopping.IsCancellationRequested)
        {
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var number = Interlocked.Increment(ref connectionNumber);
            var connection = new HubConnectionBuilder()
                .WithUrl($"{webUrls[node]}/hubs/chat", o => o.Headers["Cookie"] = $"sferum.session={cookie}")
                .Build();
            connection.ServerTimeout = TimeSpan.FromSeconds(15);
            connection.On<ChatEvent>("chatEvent", e => OnEvent(e, number));
            connection.Closed += _ =>
            {
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                State = $"connecting to {webUrls[node]}";
                await connection.StartAsync(timeout.Token);
                State = $"opening the chat at {webUrls[node]}";
                await connection.InvokeAsync("Open", ChatId, timeout.Token);
                connected.TrySetResult(connection);
                first.TrySetResult();
                State = $"catching up at {webUrls[node]}";
                await CatchupAsync(ChatId);
                State = $"connected to {webUrls[node]}";
                await closed.Task.WaitAsync(stopping.Token);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                // The node is down or refused: try the other one.
                State = $"failed at {webUrls[node]}: {ex.GetType().Name}: {ex.Message}";
            }
            catch (OperationCanceledException)
            {
                break;
            }

            lock (gate)
            {
                if (connected.Task.IsCompleted)
                {
                    connected = new TaskCompletionSource<HubConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            State = "closing";
            try
            {
                await connection.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex)
            {
                State = $"closing failed: {ex.GetType().Name}";
            }

            node = (node + 1) % webUrls.Count;
            if (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    private void OnEvent(ChatEvent e, int connection)
    {
        if (e.Type >= ChatEventType.MembersChanged)
        {
            return;
        }

        bool gap;
        lock (gate)
        {
            if (!views.TryGetValue(e.ChatId, out var view))
            {
                // Live events of a chat the member never opened: kept, so that the checker sees them.
                views[e.ChatId] = view = new ChatView(e.ChatId, e.Seq - 1);
            }

            if (view.Apply(e, history.Now, connection) is { } repeat)
            {
                history.RepeatedOnConnection.Enqueue($"member {Index}: {repeat}");
            }

            gap = view.NeedsCatchup;
        }

        if (gap)
        {
            _ = CatchupAsync(e.ChatId);
        }
    }

    /// <summary>Fetches what is missing after the view's last entry, 500 at a time, one fetch per chat at a time.</summary>
    private async Task CatchupAsync(Guid chatId)
    {
        lock (gate)
        {
            if (!catchingUp.Add(chatId))
            {
                return;
            }
        }

        try
        {
            while (connected.Task.IsCompletedSuccessfully)
            {
                long after;
                lock (gate)
                {
                    if (!views.TryGetValue(chatId, out var view))
                    {
                        // Just moved here: the view starts once the newest message is known.
                        break;
                    }

                    after = view.LastSeq;
                }

                var events = await connected.Task.Result.InvokeAsync<List<ChatEvent>>("Catchup", chatId, after, stopping.Token);
                lock (gate)
                {
                    foreach (var e in events.Where(e => e.Type < ChatEventType.MembersChanged))
                    {
                        views[chatId].Apply(e, history.Now, -1);
                    }
                }

                if (events.Count < 500)
                {
                    break;
                }
            }
        }
        catch (Exception)
        {
            // Disconnected or no longer a member: the next reconnect, gap or quiet spell tries again.
        }
        finally
        {
            lock (gate)
            {
                catchingUp.Remove(chatId);
            }
        }
    }

    private async Task SendLoopAsync()
    {
        await foreach (var (chatId, clientId, written) in outbox.Reader.ReadAllAsync())
        {
            while (!stopping.IsCancellationRequested && !await TrySendAsync(chatId, clientId, written))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }

            Interlocked.Decrement(ref pending);
        }
    }

    /// <summary>One attempt; true when the message needs no more attempts (acknowledged, or refused for good).</summary>
    private async Task<bool> TrySendAsync(Guid chatId, string clientId, double written)
    {
        HubConnection connection;
        try
        {
            connection = await connected.Task.WaitAsync(TimeSpan.FromSeconds(5), stopping.Token);
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }

        var start = history.Now;
        try
        {
            using var timeout = new CancellationTokenSource(AttemptTimeout);
            var stored = await connection.InvokeAsync<ChatMessage>("Send", chatId, clientId, $"f:{clientId}", null, timeout.Token);
            history.Attempts.Enqueue(new SendAttempt(Index, chatId, clientId, written, start, history.Now, AttemptOutcome.Acked, stored.Seq, null));
            return true;
        }
        catch (HubException ex) when (ex.Message.Contains("message.not-saved:", StringComparison.Ordinal) ||
                                      ex.Message.Contains("forbidden:", StringComparison.Ordinal))
        {
            // The server says the message was not stored. Not saved: the person presses «send» again. Forbidden
            // (moved to another class meanwhile): the message is dropped, as the page would show the refusal.
            history.Attempts.Enqueue(new SendAttempt(Index, chatId, clientId, written, start, history.Now, AttemptOutcome.Refused, 0, ex.Message));
            return ex.Message.Contains("forbidden:", StringComparison.Ordinal);
        }
        catch (Exception ex)
        {
            // No answer or an error that does not say whether it was stored: retry with the same client id.
            history.Attempts.Enqueue(new SendAttempt(Index, chatId, clientId, written, start, history.Now, AttemptOutcome.Unknown, 0, ex.Message));
            return false;
        }
    }
}
