using Microsoft.Extensions.Configuration;

namespace Sferum.Telemetry;

/// <summary>Whether the standard OpenTelemetry environment variables name somewhere to send telemetry.</summary>
public static class OtlpEndpoint
{
    private static readonly string[] Keys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
        && Keys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
}
