using Omnichannel.Core.Model;

namespace Omnichannel.Core.Access;

/// <summary>An agent, lead or admin signed in with a session.</summary>
public sealed record AgentPrincipal(Agent Agent) : Principal(Agent.Id);
