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

/// <summary>An agent, lead or admin signed in with a session.</summary>
public sealed record AgentPrincipal(Agent Agent) : Principal(Agent.Id);

/// <summary>An integration holding an API token; its scopes say what it may do.</summary>
public sealed record IntegrationPrincipal(ApiToken Token) : Principal(Token.Id)
{
    public bool HasScope(string scope) => Token.Scopes.Contains(scope, StringComparer.Ordinal);
}
