using Orleans.Concurrency;

namespace Sferum.Sessions;

[StatelessWorker]
public sealed class SessionFeedGrain(SessionStore store) : Grain, ISessionFeedGrain
{
    public Task<SessionEndings> EndedSinceAsync(DateTimeOffset? since) => store.EndedSinceAsync(since);
}
