using Omnichannel.Core.Model;

namespace Omnichannel.Core.Access;

/// <summary>
/// The one access rule: who may see a conversation, its messages and its events, and who may act on it. REST reads,
/// hub pushes, <c>Resume</c>, downloads (and later search hits, reports, exports) all ask here, each time with the
/// principal as the store has it now. A null principal (signed out, deleted, revoked) may do nothing.
/// </summary>
public static class AccessRule
{
    /// <summary>
    /// Leads and admins see everything; an agent sees their own conversations and the unassigned ones of their queues;
    /// an integration sees every conversation when its token has <c>conversations:read</c>.
    /// </summary>
    public static bool CanSeeConversation(Principal? principal, Conversation conversation) => principal switch
    {
        AgentPrincipal { Agent: var agent } => agent.SeesEverything
            || conversation.AssigneeId == agent.Id
            || (conversation.AssigneeId is null && agent.Queues.Contains(conversation.Queue, StringComparer.Ordinal)),
        IntegrationPrincipal integration => integration.HasScope(ApiScopes.ConversationsRead),
        _ => false,
    };

    /// <summary>A message of a visible conversation; private notes are for agents only, never integrations.</summary>
    public static bool CanSeeMessage(Principal? principal, Conversation conversation, bool isPrivate) =>
        CanSeeConversation(principal, conversation) && (!isPrivate || principal is AgentPrincipal);

    /// <summary>
    /// A live event about a conversation (its state now, and a message when there is one). Besides those who may see
    /// it, the agent who just lost it hears of the assignment, so it leaves their list.
    /// </summary>
    public static bool CanHearEvent(Principal? principal, Conversation conversation, bool isPrivate, string? previousAssignee) =>
        CanSeeMessage(principal, conversation, isPrivate)
        || (!isPrivate && previousAssignee is not null && principal is AgentPrincipal { Agent.Id: var id } && id == previousAssignee);

    /// <summary>Who is typing or viewing: agents who may see the conversation (integrations do not follow it).</summary>
    public static bool CanSeeActivity(Principal? principal, Conversation conversation) =>
        principal is AgentPrincipal && CanSeeConversation(principal, conversation);

    /// <summary>Every conversation without a per-conversation check (lists, the "All" view): leads, admins, readers.</summary>
    public static bool SeesEverything(Principal? principal) => principal switch
    {
        AgentPrincipal { Agent: var agent } => agent.SeesEverything,
        IntegrationPrincipal integration => integration.HasScope(ApiScopes.ConversationsRead),
        _ => false,
    };

    /// <summary>
    /// Merging two contacts (an agent's decision that they are one person): agents of any role, for contacts they may
    /// each see (leads and admins see every contact; an agent one with a conversation they may see, given as
    /// <paramref name="intoConversations"/> and <paramref name="fromConversations"/>). Integrations never merge.
    /// </summary>
    public static bool CanMergeContacts(Principal? principal, IEnumerable<Conversation> intoConversations,
        IEnumerable<Conversation> fromConversations) =>
        principal is AgentPrincipal { Agent: var agent }
        && (agent.SeesEverything
            || (intoConversations.Any(c => CanSeeConversation(principal, c))
                && fromConversations.Any(c => CanSeeConversation(principal, c))));

    /// <summary>
    /// Incidents (docs/sla.md): every agent reads them and hears of their changes; the conversations an incident lists
    /// are each shown only to those who may see them (<see cref="CanSeeConversation"/>). Integrations do not read them.
    /// </summary>
    public static bool CanReadIncidents(Principal? principal) => principal is AgentPrincipal;

    /// <summary>Linking a conversation to an incident, or unlinking it: an agent who may see the conversation.</summary>
    public static bool CanLinkToIncident(Principal? principal, Conversation conversation) =>
        principal is AgentPrincipal && CanSeeConversation(principal, conversation);

    /// <summary>Creating, replying to and resolving incidents (they write to every linked conversation): leads, admins.</summary>
    public static bool CanManageIncidents(Principal? principal) => principal is AgentPrincipal { Agent.SeesEverything: true };

    /// <summary>The team's live state (presence, queue boards): leads and admins.</summary>
    public static bool CanWatchTeam(Principal? principal) => principal is AgentPrincipal { Agent.SeesEverything: true };

    /// <summary>
    /// The quarantine (inbound items no channel could read or store): admins only, since its raw items are unfiltered
    /// customer input of every queue, and a retry or discard acts for every channel.
    /// </summary>
    public static bool CanManageQuarantine(Principal? principal) =>
        principal is AgentPrincipal { Agent.Role: AgentRole.Admin };

    /// <summary>A conversation's priority (and with it its SLA targets): agents on their own conversations, leads on any.</summary>
    public static bool CanSetPriority(Principal? principal, Conversation conversation) => principal switch
    {
        AgentPrincipal { Agent: var agent } => agent.SeesEverything || conversation.AssigneeId == agent.Id,
        _ => false,
    };

    /// <summary>Moving a conversation a tier up or back down: as its priority, its assignee or a lead.</summary>
    public static bool CanEscalate(Principal? principal, Conversation conversation) => CanSetPriority(principal, conversation);

    /// <summary>Agents may take an unassigned conversation of their queue or give up their own; leads assign anyone.</summary>
    public static bool CanAssign(Principal? principal, Conversation conversation, string? targetAgentId)
    {
        if (principal is not AgentPrincipal { Agent: var actor })
        {
            return false;
        }

        if (actor.SeesEverything)
        {
            return true;
        }

        var takingUnassigned = conversation.AssigneeId is null && targetAgentId == actor.Id
            && actor.Queues.Contains(conversation.Queue, StringComparer.Ordinal);
        var releasingOwn = conversation.AssigneeId == actor.Id && targetAgentId is null;
        return takingUnassigned || releasingOwn;
    }
}
