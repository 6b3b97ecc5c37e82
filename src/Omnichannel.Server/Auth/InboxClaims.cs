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

public static class InboxSchemes
{
    public const string Selector = "Inbox";
    public const string Cookie = "InboxCookie";
    public const string ApiToken = "ApiToken";
}

public static class InboxPolicies
{
    /// <summary>A signed-in agent of any role.</summary>
    public const string Agent = "agent";

    /// <summary>A signed-in admin.</summary>
    public const string Admin = "admin";

    /// <summary>A signed-in lead or admin: the queue tools.</summary>
    public const string Lead = "lead";

    /// <summary>An API token with the inbound scope.</summary>
    public const string Inbound = "inbound";

    /// <summary>A signed-in agent, or an API token with the conversations:read scope.</summary>
    public const string ReadConversations = "read-conversations";
}
