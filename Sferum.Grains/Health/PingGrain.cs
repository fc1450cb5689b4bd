using Orleans.Concurrency;

namespace Sferum.Health;

[StatelessWorker]
public sealed class PingGrain : Grain, IPingGrain
{
    public Task<string> PingAsync() => Task.FromResult(this.RuntimeIdentity);
}
