namespace Omnichannel.Core.Sla;

/// <summary>
/// What an agent sees of a conversation's promises: each deadline while its clock runs (null when met, breached,
/// stopped, paused or never started), what was breached, and whether the clocks are paused.
/// </summary>
public sealed record SlaSummary(
    DateTimeOffset? FirstResponseDue,
    DateTimeOffset? NextResponseDue,
    DateTimeOffset? ResolutionDue,
    IReadOnlyList<SlaTargetKind> Breaches,
    bool Paused)
{
    public static SlaSummary Of(ConversationSla sla)
    {
        ArgumentNullException.ThrowIfNull(sla);
        return new(sla.FirstResponse?.Due, sla.NextResponse?.Due, sla.Resolution?.Due, sla.Breaches,
            new[] { sla.FirstResponse, sla.NextResponse, sla.Resolution }.Any(c => c?.State == SlaClockState.Paused));
    }

    /// <summary>Whether an agent would see a difference between the two.</summary>
    public static bool Differ(ConversationSla? a, ConversationSla? b)
    {
        if (a is null || b is null)
        {
            return !ReferenceEquals(a, b) && (a ?? b) is not null;
        }

        var (x, y) = (Of(a), Of(b));
        return x.FirstResponseDue != y.FirstResponseDue || x.NextResponseDue != y.NextResponseDue
            || x.ResolutionDue != y.ResolutionDue || x.Paused != y.Paused || !x.Breaches.SequenceEqual(y.Breaches);
    }
}
