namespace Omnichannel.Core.Assignment;

/// <summary>
/// The order a queue drains in: SLA deadline (earlier first, none last), then waiting since (older first), then
/// conversation id (ordinal).
/// </summary>
public static class WaitingOrder
{
    public static IComparer<WaitingConversation> Comparer { get; } = Comparer<WaitingConversation>.Create(Compare);

    public static int Compare(WaitingConversation? x, WaitingConversation? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var deadline = (x.SlaDeadline, y.SlaDeadline) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (a, b) => a.Value.CompareTo(b.Value),
        };
        if (deadline != 0)
        {
            return deadline;
        }

        var age = x.WaitingSince.CompareTo(y.WaitingSince);
        return age != 0 ? age : string.CompareOrdinal(x.ConversationId, y.ConversationId);
    }

    public static IReadOnlyList<WaitingConversation> Sort(IEnumerable<WaitingConversation> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var sorted = waiting.ToList();
        // List.Sort is unstable, but the comparer is total (ids break the last tie), so the result is unique.
        sorted.Sort(Comparer);
        return sorted;
    }
}
