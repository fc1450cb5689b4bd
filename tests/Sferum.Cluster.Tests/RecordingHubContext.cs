using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Sferum.Web.Chats;

namespace Sferum.Cluster.Tests;

/// <summary>
/// Stands in for SignalR's hub context around the relay, recording what would be pushed to browsers; the relay, the
/// cluster, the streams and the database under it are all real.
/// </summary>
public sealed class RecordingHubContext : IHubContext<ChatHub>
{
    public RecordingHubContext() => Clients = new RecordingClients(this);

    public ConcurrentQueue<(string Target, string Method, object?[] Args)> Sent { get; } = new();

    public IHubClients Clients { get; }

    public IGroupManager Groups { get; } = new NoGroups();

    private sealed class RecordingClients(RecordingHubContext owner) : IHubClients
    {
        public IClientProxy All => Proxy("all");

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => Proxy("all");

        public IClientProxy Client(string connectionId) => Proxy($"client:{connectionId}");

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => Proxy($"clients:{string.Join(',', connectionIds)}");

        public IClientProxy Group(string groupName) => Proxy(groupName);

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => Proxy(groupName);

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => Proxy("groups");

        public IClientProxy User(string userId) => Proxy($"user:{userId}");

        public IClientProxy Users(IReadOnlyList<string> userIds) => Proxy("users");

        private RecordingProxy Proxy(string target) => new(owner, target);
    }

    private sealed class RecordingProxy(RecordingHubContext owner, string target) : IClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            owner.Sent.Enqueue((target, method, args));
            return Task.CompletedTask;
        }
    }

    private sealed class NoGroups : IGroupManager
    {
        public Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
