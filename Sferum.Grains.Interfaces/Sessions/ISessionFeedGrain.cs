namespace Sferum.Sessions;

/// <summary>
/// What every web node polls (every 2 s) to close the live connections of ended sessions. Stateless: it reads the
/// sessions table, so no silo failure can lose an ending.
/// </summary>
[Alias("Sferum.ISessionFeedGrain")]
public interface ISessionFeedGrain : IGrainWithIntegerKey
{
    /// <summary>Sessions ended after <paramref name="since"/> (all recent ones for null), with the cursor for the next call.</summary>
    [Alias("EndedSince")]
    Task<SessionEndings> EndedSinceAsync(DateTimeOffset? since);
}
