namespace Omnichannel.Integration.Tests.Security;

/// <summary>
/// The expectation for every endpoint the server maps, keyed "METHOD pattern" as ASP.NET Core's endpoint data source
/// lists them, and for every hub method. A new endpoint or hub method without a line here fails the matrix.
/// </summary>
public static class AuthorizationRules
{
    public static readonly IReadOnlyDictionary<string, Who[]> Endpoints = new Dictionary<string, Who[]>
    {
        // Open to the world: sign-in, health, the API description, the web app and the widget's session start.
        ["POST /api/auth/login"] = May.Everyone,
        ["POST /api/auth/logout"] = May.Everyone,
        ["* /health/live"] = May.Everyone,
        ["* /health/ready"] = May.Everyone,
        ["GET /openapi/{documentName}.json"] = May.Everyone,
        ["GET /demo/webchat"] = May.Everyone,
        ["GET /api/webchat/sites/{key}"] = May.Everyone,
        ["POST /api/webchat/sessions"] = May.Everyone,
        ["GET {*path:nonfile}"] = May.Everyone,
        ["HEAD {*path:nonfile}"] = May.Everyone,

        // Unknown paths under the server's own prefixes: 404 for a credential, 401 without one (nothing to probe).
        ["* /api/{**path}"] = May.SignedIn,
        ["* /hubs/{**path}"] = May.SignedIn,
        ["* /health/{**path}"] = May.SignedIn,
        ["* /openapi/{**path}"] = May.SignedIn,

        // Telegram proves itself with the webhook secret, which none of our principals hold.
        ["POST /api/channels/telegram/{name}/webhook"] = May.Nobody,

        ["GET /api/auth/me"] = May.Agents,
        ["GET /api/auth/sessions"] = May.Agents,
        ["DELETE /api/auth/sessions/{id}"] = May.Agents,
        ["DELETE /api/auth/sessions"] = May.Agents,

        ["GET /api/agents/"] = May.Admins,
        ["GET /api/agents/{id}"] = May.Admins,
        ["POST /api/agents/"] = May.Admins,
        ["PUT /api/agents/{id}"] = May.Admins,
        ["PUT /api/agents/me/availability"] = May.Agents,
        ["POST /api/agents/me/heartbeat"] = May.Agents,
        ["GET /api/agents/me/presence"] = May.Agents,
        ["PUT /api/agents/{id}/availability"] = May.Leads,
        ["POST /api/agents/{id}/pause"] = May.Leads,
        ["POST /api/agents/{id}/resume"] = May.Leads,
        ["PUT /api/agents/{id}/capacity"] = May.Leads,

        ["GET /api/queues/"] = May.Agents,
        ["GET /api/queues/{id}"] = May.Agents,
        ["PUT /api/queues/{id}"] = May.Leads,
        ["GET /api/queues/{id}/board"] = May.Leads,
        ["POST /api/queues/{id}/move"] = May.Leads,
        ["POST /api/queues/{id}/rebalance"] = May.Leads,

        ["GET /api/shifts/"] = May.Agents,
        ["GET /api/shifts/{id}"] = May.Agents,
        ["PUT /api/shifts/{id}"] = May.Leads,
        ["DELETE /api/shifts/{id}"] = May.Leads,
        ["GET /api/sla-policies/"] = May.Agents,
        ["GET /api/sla-policies/{id}"] = May.Agents,
        ["PUT /api/sla-policies/{id}"] = May.Leads,
        ["DELETE /api/sla-policies/{id}"] = May.Leads,
        // Agents write their personal canned responses; the handlers refuse them shared ones (403).
        ["GET /api/canned-responses/"] = May.Agents,
        ["GET /api/canned-responses/{id}"] = May.Agents,
        ["PUT /api/canned-responses/{id}"] = May.Agents,
        ["DELETE /api/canned-responses/{id}"] = May.Agents,
        ["GET /api/conversations/{id}/canned-responses/{cannedId}/render"] = May.ConversationAgents,
        // The knowledge base: every agent reads every article (drafts and internal ones too); leads and admins write.
        ["GET /api/articles/"] = May.Agents,
        ["GET /api/articles/{id}"] = May.Agents,
        ["PUT /api/articles/{id}"] = May.Leads,
        ["DELETE /api/articles/{id}"] = May.Leads,
        ["GET /api/article-categories/"] = May.Agents,
        ["GET /api/article-categories/{id}"] = May.Agents,
        ["PUT /api/article-categories/{id}"] = May.Leads,
        ["DELETE /api/article-categories/{id}"] = May.Leads,
        // The public help center: published articles only, to anyone.
        ["GET /help"] = May.Everyone,
        ["GET /help/{slugOrId}"] = May.Everyone,
        ["GET /api/help/articles"] = May.Everyone,
        // Incidents: every agent reads them and links what they may see (the handlers check each conversation);
        // leads and admins create, change, reply to and resolve them.
        ["GET /api/incidents/"] = May.Agents,
        ["POST /api/incidents/"] = May.Leads,
        ["GET /api/incidents/suggestions"] = May.Agents,
        ["GET /api/incidents/{id}"] = May.Agents,
        ["PUT /api/incidents/{id}"] = May.Leads,
        ["POST /api/incidents/{id}/conversations"] = May.Agents,
        ["DELETE /api/incidents/{id}/conversations/{conversationId}"] = May.Agents,
        ["POST /api/incidents/{id}/reply"] = May.Leads,
        ["POST /api/incidents/{id}/resolve"] = May.Leads,

        ["GET /api/audit/"] = May.Leads,
        ["* /metrics"] = May.Admins,
        ["GET /api/tokens/"] = May.Admins,
        ["POST /api/tokens/"] = May.Admins,
        ["DELETE /api/tokens/{id}"] = May.Admins,

        ["GET /api/quarantine/"] = May.Admins,
        ["POST /api/quarantine/{id}/retry"] = May.Admins,
        ["DELETE /api/quarantine/{id}"] = May.Admins,
        ["GET /api/sites/"] = May.Admins,
        ["GET /api/sites/{key}"] = May.Admins,
        ["PUT /api/sites/{key}"] = May.Admins,

        ["POST /api/inbound/"] = May.Inbound,
        ["POST /api/conversations/{id}/messages/{messageId}/delivery"] = May.Inbound,

        // Lists are filtered per caller; the conversation's own routes follow the one access rule.
        ["GET /api/conversations/"] = May.Readers,
        ["GET /api/conversations/{id}"] = May.ConversationReaders,
        ["GET /api/conversations/{id}/messages"] = May.ConversationReaders,
        ["GET /api/conversations/{id}/messages/{messageId}/attachments/{attachmentId}"] = May.ConversationReaders,
        // Every reader passes the policy; each hit then passes the access rule (ContactSearchTests).
        ["GET /api/contacts/"] = May.Readers,
        ["GET /api/contacts/{id}"] = May.ConversationReaders,
        // Every reader passes the policy; each hit then passes the access rule (SearchApiTests).
        ["GET /api/search/"] = May.Readers,
        // Every agent passes the policy; the access rule then wants both contacts visible (ContactMergeTests).
        ["POST /api/contacts/{id}/merge"] = May.Agents,
        ["POST /api/conversations/{id}/messages"] = May.ConversationAgents,
        ["POST /api/conversations/{id}/status"] = May.ConversationAgents,
        // The assignee and leads (AccessRule.CanSetPriority); the matrix's agent holds the conversation.
        ["PUT /api/conversations/{id}/priority"] = May.ConversationAgents,
        // Likewise (AccessRule.CanEscalate); the matrix's queue escalates nowhere, so the allowed get a 409.
        ["POST /api/conversations/{id}/escalate"] = May.ConversationAgents,
        ["POST /api/conversations/{id}/de-escalate"] = May.ConversationAgents,
        ["GET /api/conversations/{id}/activity"] = May.ConversationAgents,
        ["POST /api/conversations/{id}/typing"] = May.ConversationAgents,
        ["POST /api/conversations/{id}/attachments"] = May.ConversationAgents,
        // Giving the conversation to its own assignee: only leads may assign to someone else's name.
        ["POST /api/conversations/{id}/assign"] = May.Leads,

        ["POST /api/webchat/attachments"] = May.Visitors,
        ["GET /api/webchat/attachments/{messageId}/{attachmentId}"] = May.Visitors,

        // The hubs' own routes; what they allow is checked per hub below.
        ["* /hubs/agent"] = May.Readers,
        ["* /hubs/agent/negotiate"] = May.Readers,
        ["* /hubs/visitor"] = May.Everyone,
        ["* /hubs/visitor/negotiate"] = May.Everyone,
    };

    /// <summary>
    /// Answers that mean "refused" for an endpoint besides 401 and 403: the Telegram webhook answers an unknown bot
    /// name with 404, and no caller of ours holds a bot's secret either way.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int[]> AlsoRefusals = new Dictionary<string, int[]>
    {
        ["POST /api/channels/telegram/{name}/webhook"] = [404],
    };

    /// <summary>Who may open the hub (and then call Resume, Heartbeat and Leave, which answer only what they may see).</summary>
    public static readonly IReadOnlyDictionary<string, Who[]> HubConnect = new Dictionary<string, Who[]>
    {
        ["agent"] = May.Readers,
        ["visitor"] = May.Visitors,
    };

    /// <summary>Every public hub method, for those who could connect.</summary>
    public static readonly IReadOnlyDictionary<string, Who[]> HubMethods = new Dictionary<string, Who[]>
    {
        ["AgentHub.Resume"] = May.Readers,
        ["AgentHub.Heartbeat"] = May.Readers,
        ["AgentHub.Leave"] = May.Readers,
        ["AgentHub.View"] = [Who.Agent, Who.Lead, Who.Admin],
        ["AgentHub.Replying"] = [Who.Agent, Who.Lead, Who.Admin],
        ["AgentHub.Typing"] = [Who.Agent, Who.Lead, Who.Admin],
        ["VisitorHub.Send"] = May.Visitors,
        ["VisitorHub.SendWithFiles"] = May.Visitors,
        ["VisitorHub.Join"] = May.Visitors,
        ["VisitorHub.History"] = May.Visitors,
        ["VisitorHub.Typing"] = May.Visitors,
    };
}
