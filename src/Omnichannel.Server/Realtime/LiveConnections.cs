using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// This node's agent-hub connections. Pushes go to connection ids chosen here, one frame per connection whatever
/// it may see, instead of to SignalR groups (a connection in two groups got every event twice).
/// </summary>
public sealed class LiveConnections
{
    private readonly ConcurrentDictionary<string, LiveConnection> _connections = new(StringComparer.Ordinal);

    public ICollection<LiveConnection> All => _connections.Values;

    public LiveConnection Add(string connectionId, PrincipalRef principal, HubCallerContext context) =>
        _connections[connectionId] = new LiveConnection(connectionId, principal, context);

    public LiveConnection? Get(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public LiveConnection? Remove(string connectionId) => _connections.TryRemove(connectionId, out var removed) ? removed : null;
}
