namespace Omnichannel.Core.Assignment;

/// <summary>
/// A reopened conversation goes back to its last agent only if that agent is eligible now (in this queue's agent list);
/// otherwise the queue's normal selection picks among the eligible agents. Null: nobody is eligible, and the
/// conversation waits in the queue like any other.
/// </summary>
/// <remarks>
/// Reference model: the rule "who gets a reopened conversation" as executed by ingest.lua (its routing block, with
/// routing.lua's <c>is_eligible</c> and <c>drain</c>); not called in production; checked against the script by
/// <c>RoutingAgreementTests.A_reopened_conversation_goes_where_the_core_reopen_rule_sends_it</c>.
/// </remarks>
public static class ReopenRule
{
    public static ReopenDecision? Pick(QueuePolicy policy, string? lastAgentId, IReadOnlyList<AgentState> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        if (lastAgentId is not null)
        {
            foreach (var agent in agents)
            {
                if (string.Equals(agent.AgentId, lastAgentId, StringComparison.Ordinal) && Eligibility.IsEligible(agent))
                {
                    return new ReopenDecision(agent.AgentId, ReturnedToLastAgent: true);
                }
            }
        }

        var next = AssignmentSelector.Pick(policy, agents);
        return next is null ? null : new ReopenDecision(next, ReturnedToLastAgent: false);
    }
}
