using System.Net;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Sferum.Bench.Video.Lean;

/// <summary>
/// Lean viewers of one publisher's feed, all signed in as one member: each is a VideoRoom subscriber handle in the
/// member's Janus session (opened through the proxy) with a <see cref="LeanSubscriber"/> of its own answering it.
/// </summary>
public sealed class LeanAudience(JanusProxyClient janus, IPAddress address) : IAsyncDisposable
{
    private readonly BcTlsCrypto crypto = new(new SecureRandom());
    private readonly DtlsIdentity identity = DtlsIdentity.Create();
    private readonly List<LeanSubscriber> viewers = [];
    // Sferum's rooms use string ids, so the feed is kept as Janus sent it.
    private JsonNode? feed;

    public IReadOnlyList<LeanSubscriber> Viewers => viewers;

    /// <summary>Failures while adding viewers (first few kept), to say in the report rather than hide.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Joins the room as a browser's page does first (as a participant that publishes nothing) to learn the host's feed.</summary>
    public async Task FindPublisherAsync()
    {
        var handle = await janus.AttachAsync();
        var (data, _) = await janus.MessageAsync(handle, new JsonObject { ["request"] = "join", ["ptype"] = "publisher" });
        feed = data?["publishers"]?.AsArray().FirstOrDefault()?["id"]?.DeepClone()
            ?? throw new InvalidOperationException("Nobody publishes in the broadcast's room.");
    }

    /// <summary>Adds viewers until there are <paramref name="count"/>, a few at a time (as people arrive, not all in one instant).</summary>
    public async Task GrowToAsync(int count, int parallel = 8)
    {
        var added = Enumerable.Range(0, Math.Max(0, count - viewers.Count)).Select(_ => new LeanSubscriber(address)).ToList();
        viewers.AddRange(added);
        await Parallel.ForEachAsync(added, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (viewer, _) =>
        {
            try
            {
                await SubscribeAsync(viewer);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or Org.BouncyCastle.Tls.TlsException or HttpRequestException)
            {
                lock (Failures)
                {
                    Failures.Add($"{e.GetType().Name}: {e.Message}");
                }
            }
        });
    }

    private async Task SubscribeAsync(LeanSubscriber viewer)
    {
        var handle = await janus.AttachAsync();
        var (_, jsep) = await janus.MessageAsync(handle, new JsonObject
        {
            ["request"] = "join", ["ptype"] = "subscriber", ["streams"] = new JsonArray(new JsonObject { ["feed"] = feed!.DeepClone() }),
        });
        var offer = JanusOffer.Parse(jsep?["sdp"]?.ToString() ?? throw new InvalidOperationException("Janus sent no offer."));
        viewer.Start();
        var answer = new JsonObject { ["type"] = "answer", ["sdp"] = viewer.Answer(offer, identity) };
        await janus.MessageAsync(handle, new JsonObject { ["request"] = "start" }, answer);
        await janus.TrickleCompletedAsync(handle);
        await viewer.ConnectAsync(crypto, identity, offer, TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var viewer in viewers)
        {
            await viewer.DisposeAsync();
        }
    }
}
