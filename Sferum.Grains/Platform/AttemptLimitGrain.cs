using Sferum.Common;

namespace Sferum.Platform;

public sealed class AttemptLimitGrain(TimeProvider clock) : Grain, IAttemptLimitGrain
{
    private readonly Queue<DateTimeOffset> attempts = new();

    public Task<bool> TryTakeAsync(int limit, TimeSpan window)
    {
        var now = clock.GetUtcNow();
        while (attempts.Count > 0 && now - attempts.Peek() >= window)
        {
            attempts.Dequeue();
        }

        if (attempts.Count >= limit)
        {
            return Task.FromResult(false);
        }

        attempts.Enqueue(now);
        // Stay in memory at least as long as the window, or the count would be forgotten early.
        DelayDeactivation(window);
        return Task.FromResult(true);
    }
}
