using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Auth;

/// <summary>Builds an agent's cookie principal and re-checks it against the store on every request.</summary>
public static class AgentPrincipals
{
    private const string ItemKey = "omnichannel.agent";
    private const string SessionItemKey = "omnichannel.session";

    public static ClaimsPrincipal Create(Agent agent, string sessionId) => new(new ClaimsIdentity(
    [
        new Claim(InboxClaims.AgentId, agent.Id),
        new Claim(ClaimTypes.Name, agent.Name),
        new Claim(ClaimTypes.Email, agent.Email),
        new Claim(ClaimTypes.Role, agent.Role.ToString().ToLowerInvariant()),
        new Claim(InboxClaims.SecurityStamp, agent.SecurityStamp),
        new Claim(InboxClaims.SessionId, sessionId),
    ], InboxSchemes.Cookie));

    /// <summary>
    /// The cookie holds only while its session record exists (logout, a password or role change and ending a
    /// session delete it) and the agent's security stamp is unchanged; a name change applies on the next request.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var agentId = context.Principal?.GetAgentId();
        var sessionId = context.Principal?.GetSessionId();
        if (agentId is null || sessionId is null)
        {
            context.RejectPrincipal();
            return;
        }

        var sessions = http.RequestServices.GetRequiredService<ISessionStore>();
        var session = await sessions.GetAsync(sessionId, http.RequestAborted);
        var agents = http.RequestServices.GetRequiredService<IAgentStore>();
        var agent = session?.AgentId == agentId ? await agents.GetAsync(agentId, http.RequestAborted) : null;
        if (session is null || agent is null
            || agent.SecurityStamp != context.Principal!.FindFirstValue(InboxClaims.SecurityStamp))
        {
            context.RejectPrincipal();
            return;
        }

        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (now - session.LastSeenAt >= AgentSessions.TouchInterval)
        {
            if (!await sessions.TouchAsync(session, now, AgentSessions.IdleTimeout, http.RequestAborted))
            {
                context.RejectPrincipal();
                return;
            }

            session = session with { LastSeenAt = now };
        }

        if (!context.Principal!.IsInRole(agent.Role.ToString().ToLowerInvariant())
            || context.Principal.Identity?.Name != agent.Name)
        {
            context.ReplacePrincipal(Create(agent, sessionId));
            context.ShouldRenew = true;
        }

        http.Items[ItemKey] = agent;
        http.Items[SessionItemKey] = session;
    }

    /// <summary>The signed-in agent, loaded once per request by the cookie validation; null for API tokens.</summary>
    public static Agent? CurrentAgent(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var agent) ? agent as Agent : null;

    /// <summary>The session the request came in on, checked by the cookie validation; null for API tokens.</summary>
    public static AgentSession? CurrentSession(this HttpContext context) =>
        context.Items.TryGetValue(SessionItemKey, out var session) ? session as AgentSession : null;
}
