namespace Omnichannel.Core.Assignment;

/// <summary>
/// Assigns a queue's waiting conversations while someone is eligible: takes them in <see cref="WaitingOrder"/>, picks
/// each one's agent with <see cref="AssignmentSelector"/>, and counts the assignment on that agent (open + 1, last
/// assigned = <c>now</c>) before the next pick.
/// </summary>
/// <remarks>
/// Reference model: the rule "drain a queue" as executed by routing.lua (function <c>drain</c>, run by drain.lua,
/// ingest.lua, presence.lua, handover.lua and the other scripts that assign); not called in production; checked
/// against the script by <c>RoutingAgreementTests</c>, case
/// <c>A_drain_assigns_the_same_conversations_to_the_same_agents_in_the_same_order_as_the_core_drainer</c>.
/// </remarks>
public static class QueueDrainer
{
    /// <remarks>
    /// Every waiting conversation of a queue can go to every eligible agent of it, so when nobody is eligible for one
    /// nobody is for the next: draining stops there and a newer conversation never overtakes an older one.
    /// </remarks>
    public static DrainResult Drain(
        QueuePolicy policy, IReadOnlyList<AgentState> agents, IEnumerable<WaitingConversation> waiting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(waiting);
        RequireUnique(agents.Select(a => a.AgentId), nameof(agents), "agent");
        var ordered = WaitingOrder.Sort(waiting);
        RequireUnique(ordered.Select(c => c.ConversationId), nameof(waiting), "conversation");

        var states = agents.ToArray();
        var assignments = new List<QueueAssignment>();
        foreach (var conversation in ordered)
        {
            var next = AssignmentSelector.IndexOfNext(policy, states);
            if (next < 0)
            {
                break;
            }

            states[next] = states[next] with { OpenCount = states[next].OpenCount + 1, LastAssignedAt = now };
            assignments.Add(new QueueAssignment(conversation.ConversationId, states[next].AgentId));
        }

        return new DrainResult(assignments, states);
    }

    private static void RequireUnique(IEnumerable<string> ids, string parameter, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                throw new ArgumentException($"The {what} id '{id}' appears twice.", parameter);
            }
        }
    }
}
