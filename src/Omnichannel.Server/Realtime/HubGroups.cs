namespace Omnichannel.Server.Realtime;

/// <summary>The hub's groups: each agent's connections, leads and admins, API-token integrations, viewers of one conversation.</summary>
public static class HubGroups
{
    public const string Leads = "leads";
    public const string Tokens = "tokens";

    public static string Agent(string agentId) => "agent:" + agentId;

    public static string Viewers(string conversationId) => "viewers:" + conversationId;
}
