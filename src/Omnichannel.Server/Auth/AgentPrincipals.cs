using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Omnichannel.Core.Model;
using Omnichannel.Core.Ports;

namespace Omnichannel.Server.Auth;

/// <summary>Builds an agent's cookie principal and re-checks it against the store on every request.</summary>
public static class AgentPrincipals
{
    private const string ItemKey = "omnichannel.agent";

    public static ClaimsPrincipal Create(Agent agent) => new(new ClaimsIdentity(
    [
        new Claim(InboxClaims.AgentId, agent.Id),
        new Claim(ClaimTypes.Name, agent.Name),
        new Claim(ClaimTypes.Email, agent.Email),
        new Claim(ClaimTypes.Role, agent.Role.ToString().ToLowerInvariant()),
        new Claim(InboxClaims.SecurityStamp, agent.SecurityStamp),
    ], InboxSchemes.Cookie));

    /// <summary>
    /// A deleted agent, or one whose password or role changed since sign-in (new security stamp), is signed out;
    /// role changes take effect on the next request.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var agentId = context.Principal?.GetAgentId();
        var agents = context.HttpContext.RequestServices.GetRequiredService<IAgentStore>();
        var agent = agentId is null ? null : await agents.GetAsync(agentId, context.HttpContext.RequestAborted);
        if (agent is null || agent.SecurityStamp != context.Principal!.FindFirstValue(InboxClaims.SecurityStamp))
        {
            context.RejectPrincipal();
            return;
        }

        if (!context.Principal!.IsInRole(agent.Role.ToString().ToLowerInvariant()) || context.Principal.Identity?.Name != agent.Name)
        {
            context.ReplacePrincipal(Create(agent));
            context.ShouldRenew = true;
        }

        context.HttpContext.Items[ItemKey] = agent;
    }

    /// <summary>The signed-in agent, loaded once per request by the cookie validation; null for API tokens.</summary>
    public static Agent? CurrentAgent(this HttpContext context) => context.Items.TryGetValue(ItemKey, out var agent) ? agent as Agent : null;
}
