using System.Collections.Concurrent;
using Sferum.Testing.Otlp;
using Sferum.Web.Tests.Support;

namespace Sferum.Web.Tests.Telemetry;

/// <summary>
/// A stack of its own whose silo, portal and identity provider export to an OTLP receiver in the test, with every line
/// they print kept too; and a school day acted out once against it (<see cref="TelemetryScenario"/>).
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    private readonly Lazy<Task<TelemetryScenario>> scenario;

    public TelemetryFixture()
    {
        Environment = WebTestEnvironment.With(Receiver.Environment, Printed.Enqueue);
        scenario = new(() => TelemetryScenario.RunAsync(Environment, Receiver));
    }

    public OtlpReceiver Receiver { get; } = new();

    /// <summary>Every line the services wrote to their console.</summary>
    public ConcurrentQueue<string> Printed { get; } = new();

    public WebTestEnvironment Environment { get; }

    public Task<TelemetryScenario> ScenarioAsync() => scenario.Value;

    public Task InitializeAsync() => Environment.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Environment.DisposeAsync();
        Receiver.Dispose();
    }
}
