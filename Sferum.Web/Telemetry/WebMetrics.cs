using System.Diagnostics.Metrics;

namespace Sferum.Web.Telemetry;

/// <summary>
/// What a web node counts for the operator (README: Observability): its live connections, the chats it receives live
/// events for, how late those events reach its connections, and refused sign-ins. Tags never name a person.
/// </summary>
public sealed class WebMetrics
{
    public const string MeterName = "Sferum.Web";

    private readonly UpDownCounter<long> connections;
    private readonly UpDownCounter<long> feeds;
    private readonly Histogram<double> deliveryLag;
    private readonly Counter<long> loginFailures;

    public WebMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        connections = meter.CreateUpDownCounter<long>("sferum.web.connections", "{connection}", "Live (SignalR) connections open on this node");
        feeds = meter.CreateUpDownCounter<long>("sferum.chat.feeds", "{chat}",
            "Chats this node is registered with for live events (its subscriptions: one per chat with a connection here)");
        deliveryLag = meter.CreateHistogram<double>("sferum.chat.delivery.lag", "s",
            "From a message's commit to its hand-over to this node's connections (the silo's and this node's clocks)");
        loginFailures = meter.CreateCounter<long>("sferum.login.failures", "{sign-in}", "Sign-ins refused or failed, by reason");
    }

    public void ConnectionOpened() => connections.Add(1);

    public void ConnectionClosed() => connections.Add(-1);

    public void FeedStarted() => feeds.Add(1);

    public void FeedEnded() => feeds.Add(-1);

    public void Delivered(DateTimeOffset committedAt, DateTimeOffset now) => deliveryLag.Record(Math.Max(0, (now - committedAt).TotalSeconds));

    /// <param name="reason">The refusal's code (e.g. <c>identity.disabled</c>, <c>signin.unavailable</c>).</param>
    public void LoginFailed(string reason) => loginFailures.Add(1, new KeyValuePair<string, object?>("sferum.login.reason", reason));
}
