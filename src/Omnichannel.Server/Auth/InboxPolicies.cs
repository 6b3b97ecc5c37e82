namespace Omnichannel.Server.Auth;

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

    /// <summary>A signed-in admin, or an API token with the metrics scope: the Prometheus scrape.</summary>
    public const string Metrics = "metrics";
}
