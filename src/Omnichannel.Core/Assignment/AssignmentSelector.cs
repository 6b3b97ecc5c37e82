namespace Omnichannel.Core.Assignment;

/// <summary>Picks the agent who gets the next conversation of a queue. Fully deterministic: every tie is broken.</summary>
/// <remarks>
/// Reference model: the rule "who goes next" as executed by routing.lua (functions <c>goes_before</c> and
/// <c>pick</c>); not called in production (its only callers are the other reference models, <see cref="ReopenRule"/>
/// and <see cref="QueueDrainer"/>); checked against the script by
/// <c>RoutingAgreementTests.The_script_picks_and_judges_eligibility_exactly_as_the_core_rules</c>.
/// </remarks>
public static class AssignmentSelector
{
    /// <summary>The eligible agent who goes next under <paramref name="policy"/>, or null when nobody is eligible.</summary>
    public static string? Pick(QueuePolicy policy, IReadOnlyList<AgentState> agents)
    {
        var index = IndexOfNext(policy, agents);
        return index < 0 ? null : agents[index].AgentId;
    }

    /// <summary>Orders agents by who goes first under the policy, eligible or not (the caller filters).</summary>
    public static int Compare(QueuePolicy policy, AgentState x, AgentState y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var result = policy switch
        {
            QueuePolicy.RoundRobin => FirstNonZero(CompareLastAssigned(x, y), x.OpenCount.CompareTo(y.OpenCount)),
            QueuePolicy.Balanced => FirstNonZero(x.OpenCount.CompareTo(y.OpenCount), CompareLastAssigned(x, y)),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown queue policy."),
        };
        return result != 0 ? result : string.CompareOrdinal(x.AgentId, y.AgentId);
    }

    internal static int IndexOfNext(QueuePolicy policy, IReadOnlyList<AgentState> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var best = -1;
        for (var i = 0; i < agents.Count; i++)
        {
            if (Eligibility.IsEligible(agents[i]) && (best < 0 || Compare(policy, agents[i], agents[best]) < 0))
            {
                best = i;
            }
        }

        return best;
    }

    // Never assigned sorts before any instant; instants compare as points in time whatever their offset.
    private static int CompareLastAssigned(AgentState x, AgentState y) => (x.LastAssignedAt, y.LastAssignedAt) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        var (a, b) => a.Value.CompareTo(b.Value),
    };

    private static int FirstNonZero(int first, int second) => first != 0 ? first : second;
}
