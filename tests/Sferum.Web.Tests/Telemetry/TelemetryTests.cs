using System.Text;
using Sferum.Testing.Otlp;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Telemetry;

/// <summary>
/// OpenTelemetry as an operator's collector receives it over OTLP from a running silo, portal and identity provider:
/// one message's trace end to end, the operator's metrics, logs from every process, and nothing personal in any of it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class TelemetryTests(TelemetryFixture telemetry) : IClassFixture<TelemetryFixture>
{
    private const int Server = 2;
    private const int Client = 3;

    [Fact]
    public async Task One_message_is_traced_from_the_hub_through_the_chat_grain_and_its_commit_to_the_node_that_delivers_it()
    {
        var scenario = await telemetry.ScenarioAsync();
        var spans = telemetry.Receiver.Spans;
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        OtlpSpan? Parent(OtlpSpan s) => byId.GetValueOrDefault(s.ParentSpanId);

        var commit = Assert.Single(spans, s => s.Name == "chat commit" && s.Attributes.GetValueOrDefault("sferum.chat.id") == scenario.ChatId.ToString()
            && s.Attributes.GetValueOrDefault("sferum.chat.seq.first") == scenario.Seq.ToString());
        Assert.Equal("sferum-silo", commit.Service);

        // Up: the chat grain's call on the silo, the portal's call to it, the hub method the browser invoked.
        var grainCall = Assert.IsType<OtlpSpan>(Parent(commit));
        Assert.Equal(("sferum-silo", Server), (grainCall.Service, grainCall.Kind));
        Assert.Contains("IChatGrain/Send", grainCall.Name);
        var portalCall = Assert.IsType<OtlpSpan>(Parent(grainCall));
        Assert.Equal(("sferum-web", Client), (portalCall.Service, portalCall.Kind));
        var hub = Assert.IsType<OtlpSpan>(Parent(portalCall));
        Assert.Equal(("sferum-web", "Microsoft.AspNetCore.SignalR.Server"), (hub.Service, hub.Scope));
        Assert.EndsWith("/Send", hub.Name);

        // Down: the INSERT of the commit, and the push to the web node, received there.
        var insert = Assert.Single(spans, s => s.ParentSpanId == commit.SpanId && s.Scope == "Npgsql");
        Assert.Equal(commit.TraceId, insert.TraceId);
        var push = Assert.Single(spans, s => s.ParentSpanId == commit.SpanId && s.Kind == Client && s.Name.Contains("IChatFeed/Deliver"));
        var received = Assert.Single(spans, s => s.ParentSpanId == push.SpanId);
        Assert.Equal(("sferum-web", Server, commit.TraceId), (received.Service, received.Kind, received.TraceId));
    }

    [Fact]
    public async Task The_operators_metrics_count_messages_delivery_lag_connections_feeds_imports_sign_in_failures_and_limits()
    {
        var scenario = await telemetry.ScenarioAsync();
        var points = telemetry.Receiver.Points;
        double Max(string metric, string service, params (string Key, string Value)[] tags) =>
            points.Where(p => p.Metric == metric && p.Service == service && tags.All(t => p.Attributes.GetValueOrDefault(t.Key) == t.Value))
                .Select(p => p.Value).DefaultIfEmpty(0).Max();

        // The scenario's 25 sends to the class chat: those the limit let through were committed, the rest counted as refusals.
        Assert.True(scenario.RateLimited > 0);
        Assert.True(Max("sferum.chat.events.accepted", "sferum-silo", ("sferum.chat.kind", "Class"), ("sferum.chat.event", "Posted")) == 25 - scenario.RateLimited,
            Listed(points));
        Assert.True(Max("sferum.chat.commit.duration", "sferum-silo") >= 1);
        Assert.True(Max("sferum.rate_limit.hits", "sferum-silo", ("sferum.limit", "chat.send")) >= scenario.RateLimited);
        Assert.True(Max("sferum.chat.delivery.lag", "sferum-web") >= 1);
        Assert.True(Max("sferum.web.connections", "sferum-web") >= 2);
        Assert.True(Max("sferum.chat.feeds", "sferum-web") >= 1);
        Assert.True(Max("sferum.login.failures", "sferum-web") >= 1);
        Assert.True(Max("sferum.roster.imports", "sferum-silo", ("sferum.import.source", "api"), ("sferum.import.outcome", "Invalid")) >= 1);
        Assert.True(Max("sferum.roster.imports", "sferum-silo", ("sferum.import.stage", "apply"), ("sferum.import.outcome", "Applied")) >= 1);
        Assert.True(Max("sferum.roster.import.row_errors", "sferum-silo", ("sferum.import.source", "api")) >= 1);

        // The engines' own: Orleans, ASP.NET Core, the database client, the runtime.
        Assert.Contains(points, p => p.Service == "sferum-silo" && p.Metric.StartsWith("orleans", StringComparison.Ordinal));
        Assert.Contains(points, p => p.Service == "sferum-web" && p.Metric == "http.server.request.duration");
        Assert.Contains(points, p => p.Service == "sferum-identity" && p.Metric == "http.server.request.duration");
        Assert.Contains(points, p => p.Service == "sferum-silo" && p.Metric.StartsWith("db.client", StringComparison.Ordinal));
        Assert.Contains(points, p => p.Service == "sferum-web" && p.Metric.StartsWith("dotnet.gc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_process_sends_its_logs()
    {
        await telemetry.ScenarioAsync();
        var logs = telemetry.Receiver.Logs;
        Assert.Contains(logs, l => l.Service == "sferum-web" && l.Body.Contains("signed in", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Service == "sferum-silo" && l.Body.Contains("import", StringComparison.Ordinal));
        Assert.Contains(logs, l => l.Service == "sferum-identity");
    }

    [Fact]
    public async Task No_span_metric_log_or_console_line_holds_message_text_tokens_or_personal_data()
    {
        var scenario = await telemetry.ScenarioAsync();
        var exports = telemetry.Receiver.Exports;
        Assert.Contains(exports, e => e.Path == "/v1/traces");
        Assert.Contains(exports, e => e.Path == "/v1/logs");
        var printed = telemetry.Printed.ToList();
        Assert.NotEmpty(printed);

        var found = new List<string>();
        foreach (var secret in scenario.Secrets)
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            found.AddRange(exports.Where(e => e.Body.AsSpan().IndexOf(bytes) >= 0).Select(e => $"«{secret}» in an export to {e.Path}"));
            found.AddRange(printed.Where(l => l.Contains(secret, StringComparison.Ordinal)).Select(l => $"«{secret}» printed: {l}"));
        }

        Assert.True(found.Count == 0, string.Join("\n", found.Distinct().Take(20)));
    }

    private static string Listed(IEnumerable<OtlpPoint> points) =>
        string.Join("\n", points.Where(p => p.Metric.StartsWith("sferum", StringComparison.Ordinal)).Select(p => $"{p.Service} {p.Metric} {string.Join(",", p.Attributes.Select(a => a.Key + "=" + a.Value))} {p.Value}").Distinct().Take(200));
}
