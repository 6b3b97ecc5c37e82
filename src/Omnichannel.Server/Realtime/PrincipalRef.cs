using System.Security.Claims;
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
