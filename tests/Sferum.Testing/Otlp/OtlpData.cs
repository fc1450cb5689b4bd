namespace Sferum.Testing.Otlp;

/// <summary>A span as an OTLP export carries it (opentelemetry/proto/trace/v1/trace.proto).</summary>
public sealed record OtlpSpan(
    string Service, string Scope, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<(string TraceId, string SpanId)> Links);

/// <summary>One data point of a metric: a sum's or gauge's value, or a histogram's count.</summary>
public sealed record OtlpPoint(string Service, string Metric, IReadOnlyDictionary<string, string> Attributes, double Value);

public sealed record OtlpLog(string Service, string Scope, string Severity, string Body, IReadOnlyDictionary<string, string> Attributes);
