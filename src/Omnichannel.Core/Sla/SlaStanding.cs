using Omnichannel.Core.Ports;

namespace Omnichannel.Core.Sla;

/// <summary>
/// Where a queue's open conversations stand against their promises (docs/sla.md, "On the board"): those at risk (a
/// running clock past its warning, or, under a policy without warnings, within the last fifth of its target) and
/// those breached (a promise broken and the conversation not resolved), each nearest deadline first.
/// </summary>
public sealed record SlaStanding(IReadOnlyList<string> AtRisk, IReadOnlyList<string> Breached)
{
    /// <summary>Without a warning threshold, a clock is at risk once this share of its target is left.</summary>
    public const double RiskShareWithoutWarning = 0.2;

    public static SlaStanding Of(IEnumerable<SlaSubject> subjects, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var atRisk = new List<(string Id, DateTimeOffset Due)>();
        var breached = new List<string>();
        foreach (var subject in subjects)
        {
            if (subject.Sla is not { } sla)
            {
                continue;
            }

            if (sla.Breaches.Count > 0)
            {
                breached.Add(subject.ConversationId);
            }
            else if (new[] { sla.FirstResponse, sla.NextResponse, sla.Resolution }.Where(c => c is not null && IsAtRisk(c, now))
                .Select(c => c!.Due!.Value).DefaultIfEmpty().Min() is { } due && due != default)
            {
                atRisk.Add((subject.ConversationId, due));
            }
        }

        return new([.. atRisk.OrderBy(x => x.Due).Select(x => x.Id)], breached);
    }

    /// <summary>A running clock past its warning, or without one within the last fifth of its target.</summary>
    public static bool IsAtRisk(SlaClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (clock.State != SlaClockState.Running || clock.Due is not { } due)
        {
            return false;
        }

        return clock.Warned
            || clock.WarnAt is { } warnAt && warnAt <= now
            || clock.WarnAt is null && due - now <= clock.Target * RiskShareWithoutWarning;
    }
}
