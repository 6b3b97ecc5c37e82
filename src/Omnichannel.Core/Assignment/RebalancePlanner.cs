namespace Omnichannel.Core.Assignment;

/// <summary>
/// Plans a lead's "rebalance queue": moves that even out open load among the queue's on-duty agents.
/// </summary>
/// <remarks>
/// <para>Targets are the agents <see cref="Eligibility.IsOnDuty"/> (eligible but for capacity). Every other agent and
/// their conversations are left alone: handover deals with agents who left.</para>
/// <para>Per target, with n = OpenCount (all queues): it can end anywhere in [lo, hi], where lo = n minus its movable
/// conversations of this queue (not being typed in) and hi = max(n, Capacity): nobody receives past capacity, and
/// someone already above it can only give. Within these bounds the loads are made as even as possible: a water level
/// x is raised while Σ clamp(x + 1, lo, hi) ≤ Σ n; each target gets clamp(x, lo, hi), and the r units left over go,
/// one each, to the targets with lo ≤ x &lt; hi that hold the most now (then agent id), since each of those saves a
/// move. That makes max − min as small as the bounds allow (≤ 1 whenever they allow it) with the fewest moves.</para>
/// <para>Each giver gives its movable conversations that have waited longest without an answer (never-unanswered ones
/// last, then conversation id). All given conversations, in that same order, go to the receiver with the lowest load so
/// far (then agent id) that is still below its planned load.</para>
/// </remarks>
public static class RebalancePlanner
{
    public static IReadOnlyList<RebalanceMove> Plan(IReadOnlyList<AgentLoad> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        Validate(agents);

        // Sorted so that the plan does not depend on the order the caller listed the agents in.
        var targets = agents.Where(a => Eligibility.IsOnDuty(a.Agent))
            .OrderBy(a => a.Agent.AgentId, StringComparer.Ordinal)
            .Select(a => new Target(a))
            .ToList();
        if (targets.Count == 0)
        {
            return [];
        }

        PlanLoads(targets);

        var given = new List<(HeldConversation Conversation, Target From)>();
        foreach (var giver in targets.Where(t => t.Planned < t.Load))
        {
            given.AddRange(giver.Movable.Take(giver.Load - giver.Planned).Select(c => (c, giver)));
        }

        given.Sort((x, y) => LongestUnansweredFirst(x.Conversation, y.Conversation));

        var receivers = targets.Where(t => t.Planned > t.Load).ToList();
        var moves = new List<RebalanceMove>(given.Count);
        foreach (var (conversation, from) in given)
        {
            Target? to = null;
            foreach (var candidate in receivers)
            {
                if (candidate.Running < candidate.Planned && (to is null || candidate.Running < to.Running))
                {
                    to = candidate;
                }
            }

            // Σ planned = Σ load, so the receivers' room always equals what the givers give.
            to!.Running++;
            moves.Add(new RebalanceMove(conversation.ConversationId, from.Id, to.Id));
        }

        return moves;
    }

    /// <summary>Longest unanswered first, never-unanswered last, then conversation id (ordinal).</summary>
    public static int LongestUnansweredFirst(HeldConversation x, HeldConversation y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var since = (x.UnansweredSince, y.UnansweredSince) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => a.Value.CompareTo(b.Value),
        };
        return since != 0 ? since : string.CompareOrdinal(x.ConversationId, y.ConversationId);
    }

    private static void PlanLoads(List<Target> targets)
    {
        var total = targets.Sum(t => (long)t.Load);
        var level = targets.Min(t => t.Low);
        var maxHigh = targets.Max(t => t.High);
        // Terminates within total + 1 steps: the target with the highest bound alone contributes min(level, maxHigh).
        while (level < maxHigh && SumAt(targets, level + 1) <= total)
        {
            level++;
        }

        foreach (var target in targets)
        {
            target.Planned = Math.Clamp(level, target.Low, target.High);
        }

        var leftOver = total - SumAt(targets, level);
        var raised = targets.Where(t => t.Low <= level && level < t.High)
            .OrderByDescending(t => t.Load)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take((int)leftOver);
        foreach (var target in raised)
        {
            target.Planned++;
        }
    }

    private static long SumAt(List<Target> targets, int level) => targets.Sum(t => (long)Math.Clamp(level, t.Low, t.High));

    private static void Validate(IReadOnlyList<AgentLoad> agents)
    {
        var agentIds = new HashSet<string>(StringComparer.Ordinal);
        var conversationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var load in agents)
        {
            ArgumentNullException.ThrowIfNull(load);
            if (!agentIds.Add(load.Agent.AgentId))
            {
                throw new ArgumentException($"The agent id '{load.Agent.AgentId}' appears twice.", nameof(agents));
            }

            if (load.Conversations.Count > load.Agent.OpenCount)
            {
                throw new ArgumentException(
                    $"Agent '{load.Agent.AgentId}' holds {load.Conversations.Count} conversations of the queue but has OpenCount {load.Agent.OpenCount}.",
                    nameof(agents));
            }

            foreach (var conversation in load.Conversations)
            {
                if (!conversationIds.Add(conversation.ConversationId))
                {
                    throw new ArgumentException($"The conversation id '{conversation.ConversationId}' appears twice.", nameof(agents));
                }
            }
        }
    }

    private sealed class Target
    {
        public Target(AgentLoad load)
        {
            Id = load.Agent.AgentId;
            Load = load.Agent.OpenCount;
            Movable = [.. load.Conversations.Where(c => !c.IsBeingTypedIn).Order(Comparer<HeldConversation>.Create(LongestUnansweredFirst))];
            Low = Load - Movable.Count;
            High = Math.Max(Load, load.Agent.Capacity);
            Running = Load;
        }

        public string Id { get; }

        public int Load { get; }

        public List<HeldConversation> Movable { get; }

        public int Low { get; }

        public int High { get; }

        public int Planned { get; set; }

        public int Running { get; set; }
    }
}
