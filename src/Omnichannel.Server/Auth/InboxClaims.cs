using System.Security.Claims;

namespace Omnichannel.Server.Auth;

/// <summary>The claims our principals carry: an agent (cookie) or an integration (API token).</summary>
public static class InboxClaims
{
    public const string AgentId = "agent_id";
    public const string SecurityStamp = "security_stamp";
    public const string SessionId = "session_id";
    public const string TokenId = "token_id";
    public const string Scope = "scope";

    public static string? GetAgentId(this ClaimsPrincipal user) => user.FindFirstValue(AgentId);

    /// <summary>The cookie's session id, only if it has the shape we issue (it goes into a store key).</summary>
    public static string? GetSessionId(this ClaimsPrincipal user) =>
        user.FindFirstValue(SessionId) is { } id && Core.Model.SessionIds.IsWellFormed(id) ? id : null;

    public static string? GetTokenId(this ClaimsPrincipal user) => user.FindFirstValue(TokenId);

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.HasClaim(c => c.Type == Scope && c.Value == scope);
}
