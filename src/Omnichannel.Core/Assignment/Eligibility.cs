namespace Omnichannel.Core.Assignment;

/// <summary>
/// Eligible = member of the queue ∧ on shift ∧ online ∧ present ∧ not paused ∧ open conversations below capacity.
/// </summary>
/// <remarks>
/// Reference model: the rule "eligible now" as executed by routing.lua (functions <c>ineligibility</c> and
/// <c>is_eligible</c>); checked against the script by
/// <c>RoutingAgreementTests.The_script_picks_and_judges_eligibility_exactly_as_the_core_rules</c>. Unlike the other
/// reference models, <see cref="IsOnDuty"/> (and so <see cref="Check"/>) also runs in production: the lead's rebalance
/// (<see cref="RebalancePlanner"/>) chooses its targets with it, on the states agent_states.lua read.
/// </remarks>
public static class Eligibility
{
    public static bool IsEligible(AgentState agent) => Check(agent) == Ineligibility.None;

    /// <summary>The first condition that fails, in the order of <see cref="Ineligibility"/>; None when eligible.</summary>
    public static Ineligibility Check(AgentState agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.IsQueueMember)
        {
            return Ineligibility.NotQueueMember;
        }

        if (!agent.OnShift)
        {
            return Ineligibility.OffShift;
        }

        if (agent.Availability != Availability.Online)
        {
            return agent.Availability == Availability.Busy ? Ineligibility.Busy : Ineligibility.Offline;
        }

        if (!agent.IsPresent)
        {
            return Ineligibility.NotPresent;
        }

        if (agent.IsPaused)
        {
            return Ineligibility.Paused;
        }

        return agent.OpenCount < agent.Capacity ? Ineligibility.None : Ineligibility.AtCapacity;
    }

    /// <summary>
    /// Every condition but capacity holds: the agent is working this queue right now. These are the agents a rebalance
    /// evens out.
    /// </summary>
    public static bool IsOnDuty(AgentState agent) => Check(agent) is Ineligibility.None or Ineligibility.AtCapacity;
}
