using System.Collections.Concurrent;
using System.Net;
using Sferum.Local;

namespace Sferum.Testing.Otlp;

/// <summary>
/// An OTLP/HTTP endpoint on loopback that keeps every export it is sent, as an operator's collector would receive
/// them: services started with <see cref="Environment"/> send their traces, metrics and logs here.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> exports = new();
    private readonly Task serving;

    public OtlpReceiver()
    {
        Endpoint = $"http://127.0.0.1:{FreePorts.Next()}";
        listener.Prefixes.Add(Endpoint + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    /// <summary>The standard variables, with short export intervals so that a test need not wait long.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    /// <summary>Every export's raw bytes (strings in protobuf are plain UTF-8: a search here finds any text sent).</summary>
    public IReadOnlyList<(string Path, byte[] Body)> Exports => exports.ToList();

    public IReadOnlyList<OtlpSpan> Spans => Of("/v1/traces").SelectMany(OtlpDecoder.Spans).ToList();

    public IReadOnlyList<OtlpPoint> Points => Of("/v1/metrics").SelectMany(OtlpDecoder.Points).ToList();

    public IReadOnlyList<OtlpLog> Logs => Of("/v1/logs").SelectMany(OtlpDecoder.Logs).ToList();

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }

    private IEnumerable<byte[]> Of(string path) => exports.Where(e => e.Path == path).Select(e => e.Body);

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            // An empty Export*ServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
