using Omnichannel.Core.Model;

namespace Omnichannel.Core.Access;

/// <summary>
/// Who is asking, as the store has them now: a signed-in agent (any role) or an integration's API token. Always
/// loaded fresh (a revoked token or a removed queue membership has no principal, or a smaller one).
/// </summary>
public abstract record Principal(string Id)
{
    public static Principal For(Agent agent) => new AgentPrincipal(agent);

    public static Principal For(ApiToken token) => new IntegrationPrincipal(token);
}
