namespace Omnichannel.Core.Assignment;

/// <summary>The shift-boundary decision for one agent's conversations in one queue.</summary>
/// <remarks>
/// Reference model: the rule "keep or requeue at a shift boundary" as executed by routing.lua (function
/// <c>handover_agent</c>, run by handover.lua and presence.lua); not called in production; checked against the script
/// by <c>RoutingAgreementTests.A_handover_requeues_exactly_the_conversations_the_core_handover_rule_requeues</c>.
/// </remarks>
public static class Handover
{
    /// <param name="leftShift">None of the agent's shifts is on now.</param>
    /// <param name="isOffline">See <see cref="IsOffline"/>.</param>
    public static HandoverDecision Decide(HandoverPolicy policy, bool leftShift, bool isOffline) => policy switch
    {
        HandoverPolicy.Keep => HandoverDecision.Keep,
        HandoverPolicy.RequeueWhenOffline => leftShift && isOffline ? HandoverDecision.Requeue : HandoverDecision.Keep,
        HandoverPolicy.Requeue => leftShift ? HandoverDecision.Requeue : HandoverDecision.Keep,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown handover policy."),
    };

    /// <summary>
    /// Offline for handover: availability set to offline, or not present (no connection, no heartbeat for 60 s).
    /// Busy but still connected is not offline: the agent is there and may finish their conversations.
    /// </summary>
    public static bool IsOffline(AgentState agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Availability == Availability.Offline || !agent.IsPresent;
    }

    public static HandoverDecision Decide(HandoverPolicy policy, AgentState agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return Decide(policy, leftShift: !agent.OnShift, isOffline: IsOffline(agent));
    }
}
