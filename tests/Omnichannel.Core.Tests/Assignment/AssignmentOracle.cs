using Omnichannel.Core.Assignment;

namespace Omnichannel.Core.Tests.Assignment;

/// <summary>
/// The documented rules restated as plainly as possible (LINQ orderings, brute force), to check the production code
/// against something other than itself.
/// </summary>
internal static class AssignmentOracle
{
    public static bool IsEligible(AgentState a) => IsOnDuty(a) && a.OpenCount < a.Capacity;

    public static bool IsOnDuty(AgentState a) =>
        a.IsQueueMember && a.OnShift && a.Availability == Availability.Online && a.IsPresent && !a.IsPaused;

    public static string? ExpectedPick(QueuePolicy policy, IEnumerable<AgentState> agents)
    {
        var eligible = agents.Where(IsEligible);
        var ordered = policy == QueuePolicy.RoundRobin
            ? eligible.OrderBy(LastAssignedKey).ThenBy(a => a.OpenCount)
            : eligible.OrderBy(a => a.OpenCount).ThenBy(LastAssignedKey);
        return ordered.ThenBy(a => a.AgentId, StringComparer.Ordinal).FirstOrDefault()?.AgentId;
    }

    public static IEnumerable<WaitingConversation> ExpectedDrainOrder(IEnumerable<WaitingConversation> waiting) => waiting
        .OrderBy(w => w.SlaDeadline is null)
        .ThenBy(w => w.SlaDeadline?.UtcTicks)
        .ThenBy(w => w.WaitingSince.UtcTicks)
        .ThenBy(w => w.ConversationId, StringComparer.Ordinal);

    /// <summary>Longest unanswered first, answered last, then id.</summary>
    public static (bool Answered, long Since, string Id) MoveKey(HeldConversation c) =>
        (c.UnansweredSince is null, c.UnansweredSince?.UtcTicks ?? 0, c.ConversationId);

    public static int CompareMoveKeys(HeldConversation x, HeldConversation y)
    {
        var (a, b) = (MoveKey(x), MoveKey(y));
        var answered = a.Answered.CompareTo(b.Answered);
        if (answered != 0)
        {
            return answered;
        }

        var since = a.Since.CompareTo(b.Since);
        return since != 0 ? since : string.CompareOrdinal(a.Id, b.Id);
    }

    private static long LastAssignedKey(AgentState a) => a.LastAssignedAt?.UtcTicks ?? long.MinValue;
}
