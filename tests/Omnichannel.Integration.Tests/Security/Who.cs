namespace Omnichannel.Integration.Tests.Security;

/// <summary>The callers the authorization matrix tries every endpoint and hub method as.</summary>
public enum Who
{
    Anonymous,
    Visitor,

    /// <summary>An agent of the fixture conversation's queue, who is its assignee.</summary>
    Agent,

    /// <summary>An agent of another queue: sees nothing of the fixture conversation.</summary>
    OtherAgent,
    Lead,
    Admin,
    InboundToken,
    ReadToken,

    /// <summary>A token with every scope, deleted before the matrix runs.</summary>
    RevokedToken,
}

/// <summary>Who may call an endpoint: a rule per endpoint, not today's status codes.</summary>
public static class May
{
    public static readonly Who[] Everyone = Enum.GetValues<Who>();

    public static readonly Who[] Nobody = [];

    /// <summary>Any signed-in agent, whatever the role.</summary>
    public static readonly Who[] Agents = [Who.Agent, Who.OtherAgent, Who.Lead, Who.Admin];

    /// <summary>Whoever holds a valid credential of ours: agents and integrations.</summary>
    public static readonly Who[] SignedIn = [.. Agents, Who.InboundToken, Who.ReadToken];

    public static readonly Who[] Leads = [Who.Lead, Who.Admin];

    public static readonly Who[] Admins = [Who.Admin];

    /// <summary>Agents and integrations allowed to read conversations.</summary>
    public static readonly Who[] Readers = [.. Agents, Who.ReadToken];

    /// <summary>Those who see the fixture conversation: its assignee, leads, admins, readers (never another queue's agent).</summary>
    public static readonly Who[] ConversationReaders = [Who.Agent, Who.Lead, Who.Admin, Who.ReadToken];

    /// <summary>Agents who see the fixture conversation (integrations do not act on it).</summary>
    public static readonly Who[] ConversationAgents = [Who.Agent, Who.Lead, Who.Admin];

    public static readonly Who[] Inbound = [Who.InboundToken];

    public static readonly Who[] Visitors = [Who.Visitor];
}
