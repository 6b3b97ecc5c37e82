using System.Text.Json.Serialization;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Sla;

/// <summary>
/// One promise on one conversation: a target of working time, the time used of it, and — while it runs — the instants
/// at which it warns and is breached. Immutable; each change returns the next clock. Once met, breached or stopped, a
/// clock never changes again (a new cycle, such as the next response, is a new clock).
/// </summary>
/// <param name="StartedAt">When the promise was made: the customer's message that started the clock.</param>
/// <param name="Used">Working time used before <paramref name="RunningSince"/> (the time spent before each pause).</param>
/// <param name="Due">When it is breached while it runs; null when not running or when the calendar never opens again.</param>
/// <param name="WarnAt">When it warns while it runs; null after the warning or without one.</param>
/// <param name="EndedAt">When it was met, breached or stopped.</param>
public sealed record SlaClock(
    SlaTargetKind Kind,
    SlaClockState State,
    DateTimeOffset StartedAt,
    TimeSpan Target,
    TimeSpan Used,
    DateTimeOffset? RunningSince,
    DateTimeOffset? Due,
    DateTimeOffset? WarnAt,
    bool Warned,
    DateTimeOffset? EndedAt)
{
    [JsonIgnore]
    public bool IsFinal => State is SlaClockState.Met or SlaClockState.Breached or SlaClockState.Stopped;

    [JsonIgnore]
    public bool IsOpen => State is SlaClockState.Running or SlaClockState.Paused;

    public static SlaClock Start(SlaTargetKind kind, TimeSpan target, DateTimeOffset at, SlaPolicy policy) =>
        new SlaClock(kind, SlaClockState.Paused, at, target, TimeSpan.Zero, null, null, null, false, null).Run(at, policy);

    /// <summary>Stops the countdown, keeping the working time used so far. Tick first: a clock past its due is breached.</summary>
    public SlaClock Pause(DateTimeOffset at, Shift? hours) => State != SlaClockState.Running
        ? this
        : this with
        {
            State = SlaClockState.Paused,
            Used = Used + BusinessClock.Elapsed(RunningSince!.Value, at, hours),
            RunningSince = null,
            Due = null,
            WarnAt = null,
        };

    public SlaClock Resume(DateTimeOffset at, SlaPolicy policy) => State == SlaClockState.Paused ? Run(at, policy) : this;

    /// <summary>The same promise held to a new target (the priority changed); the time used so far counts against it.</summary>
    public SlaClock Retarget(TimeSpan target, DateTimeOffset at, SlaPolicy policy) => State switch
    {
        SlaClockState.Running => (this with { Target = target }).Pause(at, policy.BusinessHours).Run(at, policy),
        SlaClockState.Paused => this with { Target = target },
        _ => this,
    };

    public SlaClock Meet(DateTimeOffset at) => End(SlaClockState.Met, at);

    public SlaClock Stop(DateTimeOffset at) => End(SlaClockState.Stopped, at);

    /// <summary>Fires what is due by <paramref name="now"/>: the warning, then the breach, each once.</summary>
    public SlaClock Tick(DateTimeOffset now, ICollection<SlaAlert> alerts)
    {
        if (State != SlaClockState.Running)
        {
            return this;
        }

        var clock = this;
        if (clock.WarnAt is { } warnAt && warnAt <= now)
        {
            alerts.Add(new SlaAlert(Kind, SlaAlertKind.Warning, warnAt));
            clock = clock with { Warned = true, WarnAt = null };
        }

        if (clock.Due is { } due && due <= now)
        {
            alerts.Add(new SlaAlert(Kind, SlaAlertKind.Breach, due));
            clock = clock with { State = SlaClockState.Breached, EndedAt = due, Due = null, WarnAt = null, RunningSince = null };
        }

        return clock;
    }

    private SlaClock Run(DateTimeOffset at, SlaPolicy policy)
    {
        var left = Target - Used;
        var warnAt = Warned || policy.WarnAtPercent is not { } percent
            ? null
            : BusinessClock.Add(at, Max(TimeSpan.Zero, Target * percent / 100 - Used), policy.BusinessHours);
        return this with
        {
            State = SlaClockState.Running,
            RunningSince = at,
            Due = BusinessClock.Add(at, Max(TimeSpan.Zero, left), policy.BusinessHours),
            WarnAt = warnAt,
        };
    }

    private SlaClock End(SlaClockState state, DateTimeOffset at) => !IsOpen
        ? this
        : this with { State = state, EndedAt = at, RunningSince = null, Due = null, WarnAt = null };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
