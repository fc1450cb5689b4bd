using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sferum.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Sferum's own activity sources and meters: every area names its own "Sferum.&lt;Area&gt;".</summary>
    public const string SferumSources = "Sferum.*";

    /// <summary>
    /// Metrics, traces and logs of this process, exported over OTLP as the standard environment variables say
    /// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_TRACES_SAMPLER</c>, …). Without an
    /// endpoint nothing is collected: a school server with no collector pays nothing for it.
    /// </summary>
    /// <param name="serviceName">service.name, unless <c>OTEL_SERVICE_NAME</c> names it.</param>
    /// <param name="web">The process serves HTTP (portal, identity provider): requests are traced and measured too.</param>
    public static IHostApplicationBuilder AddSferumTelemetry(this IHostApplicationBuilder builder, string serviceName, bool web)
    {
        if (!OtlpEndpoint.IsConfigured(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(serviceName, serviceNamespace: "sferum", serviceVersion: BuildVersion.Current);
                }

                resource.AddAttributes([new("host.name", Environment.MachineName)]);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(SferumSources, OrleansSources.Application, OrleansSources.Runtime).AddNpgsql();
                if (web)
                {
                    tracing.AddSource(SignalRSource)
                        .AddAspNetCoreInstrumentation(o =>
                        {
                            // Probes every few seconds would drown the traces people look for.
                            o.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                            o.EnrichWithHttpResponse = (activity, response) => RequestRedaction.Apply(activity, response.HttpContext);
                        })
                        .AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SferumSources, OrleansSources.Meter).AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                if (web)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            // No scopes: ASP.NET Core's request scope carries the raw path, and a path may hold an invitation token.
            .WithLogging(_ => { }, o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = false;
            })
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>ASP.NET Core's span per hub method invocation.</summary>
    private const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";
}
