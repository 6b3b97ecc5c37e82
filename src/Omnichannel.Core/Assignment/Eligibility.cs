namespace Omnichannel.Core.Assignment;

/// <summary>
/// Eligible = member of the queue ∧ on shift ∧ online ∧ present ∧ not paused ∧ open conversations below capacity.
/// </summary>
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
