using Microsoft.AspNetCore.SignalR;

namespace Sferum.Web.Sessions;

/// <summary>This node's live connections by session, so that ending a session closes its connections.</summary>
public sealed class SessionConnections
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (Guid SessionId, HubCallerContext Context)> connections = [];

    public void Add(Guid sessionId, HubCallerContext context)
    {
        lock (gate)
        {
            connections[context.ConnectionId] = (sessionId, context);
        }
    }

    public void Remove(string connectionId)
    {
        lock (gate)
        {
            connections.Remove(connectionId);
        }
    }

    /// <summary>Aborts the connections of the given sessions; returns how many were closed.</summary>
    public int Close(IReadOnlyCollection<Guid> sessionIds)
    {
        var ended = sessionIds.ToHashSet();
        List<HubCallerContext> closing;
        lock (gate)
        {
            closing = connections.Values.Where(c => ended.Contains(c.SessionId)).Select(c => c.Context).ToList();
        }

        foreach (var context in closing)
        {
            context.Abort();
        }

        return closing.Count;
    }

    public bool IsEmpty
    {
        get
        {
            lock (gate)
            {
                return connections.Count == 0;
            }
        }
    }
}
