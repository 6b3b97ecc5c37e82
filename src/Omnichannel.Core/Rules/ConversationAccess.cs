using Omnichannel.Core.Model;

namespace Omnichannel.Core.Rules;

/// <summary>Who may see and act on a conversation.</summary>
public static class ConversationAccess
{
    /// <summary>Leads and admins see everything; an agent sees their own and the unassigned ones of their queues.</summary>
    public static bool CanSee(Agent agent, Conversation conversation) =>
        agent.SeesEverything
        || conversation.AssigneeId == agent.Id
        || (conversation.AssigneeId is null && agent.Queues.Contains(conversation.Queue, StringComparer.Ordinal));

    /// <summary>Agents may take an unassigned conversation of their queue or give up their own; leads assign anyone.</summary>
    public static bool CanAssign(Agent actor, Conversation conversation, string? targetAgentId)
    {
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
