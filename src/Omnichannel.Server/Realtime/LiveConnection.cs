using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Omnichannel.Server.Realtime;

/// <summary>One open agent-hub connection on this node, and the conversations it has open.</summary>
public sealed class LiveConnection(string connectionId, PrincipalRef principal, HubCallerContext context)
{
    public string ConnectionId { get; } = connectionId;

    public PrincipalRef Principal { get; } = principal;

    public ConcurrentDictionary<string, byte> Viewing { get; } = new(StringComparer.Ordinal);

    /// <summary>Closes the connection; the client reconnects and must sign in again.</summary>
    public void Abort() => context.Abort();
}
