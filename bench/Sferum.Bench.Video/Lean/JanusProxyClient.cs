using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// Janus's HTTP API as a browser speaks it, through Sferum's signalling proxy <c>/video/{meeting}/janus</c>: the
/// HttpClient carries the member's sign-in cookie and the antiforgery token of the meeting page, and the proxy applies
/// its rules to every request as it does for a browser (the room, the pin and Janus's secret are never known here).
/// One session (the proxy allows one a person), many handles: one per lean subscriber.
/// </summary>
public sealed class JanusProxyClient(HttpClient http, Guid meetingId) : IAsyncDisposable
{
    private readonly string root = $"/video/{meetingId}/janus";
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonObject>> waiting = new();
    private readonly ConcurrentDictionary<long, string> hangups = new();
    private readonly CancellationTokenSource stop = new();
    private Task? polling, keepalive;
    private long session;

    /// <summary>Handles Janus hung up, with its reason (ICE or DTLS failed, the publisher left).</summary>
    public IReadOnlyDictionary<long, string> Hangups => hangups;

    /// <summary>Janus's "webrtcup" events: handles whose ICE and DTLS Janus itself saw complete.</summary>
    public int WebRtcUp => webRtcUp;

    private int webRtcUp;

    /// <summary>Why the long poll stopped, if it did before the end (the proxy refused, the session was closed).</summary>
    public string? PollFailure { get; private set; }

    public async Task CreateAsync()
    {
        session = (await PostAsync(root, new JsonObject { ["janus"] = "create" }))["data"]!["id"]!.GetValue<long>();
        polling = PollAsync(stop.Token);
        keepalive = KeepAliveAsync(stop.Token);
    }

    public async Task<long> AttachAsync() =>
        (await PostAsync($"{root}/{session}", new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom" }))["data"]!["id"]!.GetValue<long>();

    /// <summary>A VideoRoom request; its answer comes with Janus's ack as an event on the long poll, or at once.</summary>
    public async Task<(JsonObject? Data, JsonObject? Jsep)> MessageAsync(long handle, JsonObject body, JsonObject? jsep = null)
    {
        var transaction = Guid.NewGuid().ToString("N");
        var pending = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[transaction] = pending;
        var request = new JsonObject { ["janus"] = "message", ["body"] = body, ["transaction"] = transaction };
        if (jsep is not null)
        {
            request["jsep"] = jsep;
        }

        var first = await PostAsync($"{root}/{session}/{handle}", request, transaction);
        var answer = first["janus"]?.ToString() == "ack" ? await pending.Task.WaitAsync(TimeSpan.FromSeconds(30)) : first;
        waiting.TryRemove(transaction, out _);
        var data = answer["plugindata"]?["data"] as JsonObject;
        if (answer["janus"]?.ToString() == "error" || data?["error"] is not null)
        {
            throw new InvalidOperationException($"Janus: {data?["error"] ?? answer["error"]?["reason"]}");
        }

        return (data, answer["jsep"] as JsonObject);
    }

    public Task TrickleCompletedAsync(long handle) =>
        PostAsync($"{root}/{session}/{handle}", new JsonObject { ["janus"] = "trickle", ["candidate"] = new JsonObject { ["completed"] = true } });

    private async Task<JsonObject> PostAsync(string path, JsonObject request, string? transaction = null)
    {
        request["transaction"] = transaction ?? Guid.NewGuid().ToString("N");
        using var response = await http.PostAsJsonAsync(path, request);
        var answer = await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
        if (!response.IsSuccessStatusCode || answer["janus"]?.ToString() == "error")
        {
            throw new InvalidOperationException($"The proxy answered {(int)response.StatusCode}: {answer["error"]?["reason"]}");
        }

        return answer;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            JsonNode? events;
            try
            {
                events = await http.GetFromJsonAsync<JsonNode>($"{root}/{session}?maxev=10&rid={Environment.TickCount64}", cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
            {
                PollFailure = e.Message;
                return;
            }

            foreach (var e in events is JsonArray list ? list.OfType<JsonObject>() : events is JsonObject one ? [one] : [])
            {
                Dispatch(e);
            }
        }
    }

    private void Dispatch(JsonObject e)
    {
        var kind = e["janus"]?.ToString();
        if (e["transaction"]?.ToString() is { } transaction && kind is "event" or "success" or "error" && waiting.TryRemove(transaction, out var pending))
        {
            pending.TrySetResult(e);
        }
        else if (kind == "webrtcup")
        {
            Interlocked.Increment(ref webRtcUp);
        }
        else if (kind is "hangup" or "detached" && e["sender"]?.GetValue<long>() is { } sender)
        {
            hangups[sender] = e["reason"]?.ToString() ?? kind;
        }
    }

    private async Task KeepAliveAsync(CancellationToken cancellationToken)
    {
        // The long poll keeps the session alive too; this is what a browser adds, in case a poll is slow to return.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(25));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await PostAsync($"{root}/{session}", new JsonObject { ["janus"] = "keepalive" });
            }
        }
        catch (OperationCanceledException)
        {
            // the end of the run
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (session != 0)
        {
            await PostAsync($"{root}/{session}", new JsonObject { ["janus"] = "destroy" });
        }

        foreach (var task in new[] { polling, keepalive }.OfType<Task>())
        {
            await task.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        stop.Dispose();
    }
}
