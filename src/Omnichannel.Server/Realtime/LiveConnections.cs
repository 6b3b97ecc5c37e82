using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Omnichannel.Core.Events;
using Omnichannel.Server.Auth;

namespace Omnichannel.Server.Realtime;

/// <summary>
/// Who a connection was opened for: the principal's kind and id, and for an agent the security stamp and the
/// session it signed in with (the connection lives only as long as both).
/// </summary>
public sealed record PrincipalRef(PrincipalKind Kind, string Id, string? Stamp, string? SessionId)
{
    public static PrincipalRef? From(ClaimsPrincipal user) =>
        user.GetAgentId() is { } agentId
            ? new(PrincipalKind.Agent, agentId, user.FindFirstValue(InboxClaims.SecurityStamp), user.GetSessionId())
        : user.GetTokenId() is { } tokenId ? new(PrincipalKind.Integration, tokenId, null, null)
        : null;
}

/// <summary>One open agent-hub connection on this node, and the conversations it has open.</summary>
public sealed class LiveConnection(string connectionId, PrincipalRef principal, HubCallerContext context)
{
    public string ConnectionId { get; } = connectionId;

    public PrincipalRef Principal { get; } = principal;

    public ConcurrentDictionary<string, byte> Viewing { get; } = new(StringComparer.Ordinal);

    /// <summary>Closes the connection; the client reconnects and must sign in again.</summary>
    public void Abort() => context.Abort();
}

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
