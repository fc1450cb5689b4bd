using Microsoft.Extensions.Options;
using Sferum.Audit;

namespace Sferum.Sessions;

/// <summary>
/// A user's sessions in memory (the table is the truth, read on activation). Activity is written at most once a
/// minute per session: every page and connection touches the session, and most touches change nothing worth a write.
/// </summary>
public sealed class UserSessionsGrain(SessionStore store, AuditLog audit, IOptions<SessionOptions> options, TimeProvider clock)
    : Grain, IUserSessionsGrain
{
    // A longer token is not kept: the hint is optional, and a row must not carry whatever a provider sends.
    private const int MaxIdTokenLength = 16 * 1024;
    private static readonly TimeSpan WriteEvery = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, SessionStore.Row> sessions = [];
    private readonly Dictionary<Guid, DateTimeOffset> written = [];

    private Guid UserId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await store.ActiveAsync(UserId))
        {
            sessions[row.SessionId] = row;
            written[row.SessionId] = row.LastSeenAt;
        }
    }

    public Task<Guid> StartAsync(string userAgent, string address) => StartWithIdTokenAsync(userAgent, address, null);

    public async Task<Guid> StartWithIdTokenAsync(string userAgent, string address, string? idToken)
    {
        var now = clock.GetUtcNow();
        var row = new SessionStore.Row(Guid.NewGuid(), Shorten(userAgent, 300), Shorten(address, 64), now, now);
        await store.InsertAsync(UserId, row, string.IsNullOrEmpty(idToken) || idToken.Length > MaxIdTokenLength ? null : idToken);
        sessions[row.SessionId] = row;
        written[row.SessionId] = now;
        return row.SessionId;
    }

    public async Task<bool> TouchAsync(Guid sessionId)
    {
        if (!sessions.TryGetValue(sessionId, out var row))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var o = options.Value;
        if (now - row.CreatedAt > TimeSpan.FromHours(o.LifetimeHours))
        {
            await EndManyAsync([sessionId], "expired");
            return false;
        }

        if (now - row.LastSeenAt > TimeSpan.FromMinutes(o.IdleMinutes))
        {
            await EndManyAsync([sessionId], "idle");
            return false;
        }

        sessions[sessionId] = row with { LastSeenAt = now };
        if (now - written[sessionId] >= WriteEvery)
        {
            written[sessionId] = now;
            await store.SeenAsync(sessionId, now);
        }

        return true;
    }

    // Read from the table, not kept in memory: it is needed once per session, at sign-out. The table query repeats the
    // owner check (user_id), so a session id of another user's never yields their token.
    public async Task<string?> SignOutHintAsync(Guid sessionId) =>
        sessions.ContainsKey(sessionId) ? await store.IdTokenAsync(UserId, sessionId) : null;

    public Task<IReadOnlyList<UserSession>> ListAsync() =>
        Task.FromResult<IReadOnlyList<UserSession>>(sessions.Values.OrderByDescending(s => s.LastSeenAt)
            .Select(s => new UserSession(s.SessionId, s.UserAgent, s.Address, s.CreatedAt, s.LastSeenAt)).ToList());

    public async Task EndAsync(Guid sessionId, string reason)
    {
        if (sessions.ContainsKey(sessionId))
        {
            await EndManyAsync([sessionId], reason);
        }
    }

    public async Task<int> EndOthersAsync(Guid keepSessionId)
    {
        var others = sessions.Keys.Where(id => id != keepSessionId).ToList();
        await EndManyAsync(others, "ended-by-user");
        return others.Count;
    }

    public Task EndAllAsync(string reason) => EndManyAsync(sessions.Keys.ToList(), reason);

    private async Task EndManyAsync(List<Guid> ids, string reason)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await store.EndAsync(ids, reason);
        foreach (var id in ids)
        {
            sessions.Remove(id);
            written.Remove(id);
        }

        if (reason != "signed-out")
        {
            await audit.WriteAsync(new AuditEntry(null, UserId, null, "session.ended", $"Завершено сеансов: {ids.Count} ({reason})",
                new Dictionary<string, object?> { ["sessions"] = ids, ["reason"] = reason }));
        }
    }

    private static string Shorten(string? value, int max) =>
        string.IsNullOrEmpty(value) ? "—" : value.Length <= max ? value : value[..max];
}
