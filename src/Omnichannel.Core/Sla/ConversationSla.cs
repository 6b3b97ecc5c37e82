using System.Text.Json.Serialization;
using Omnichannel.Core.Model;

namespace Omnichannel.Core.Sla;

/// <summary>
/// A conversation's promises under its queue's policy: the first response, the next response and the resolution, each
/// a <see cref="SlaClock"/> (null = not started, or no target at this priority). Every change ticks the clocks first, so
/// a deadline that passed before the change is a breach, and returns the alerts it fired.
/// </summary>
/// <param name="AgentSpokeLast">The last public message was an agent's: the customer's next one starts a next-response clock.</param>
/// <param name="Breaches">Each kind of promise breached, in the order of its first breach.</param>
public sealed record ConversationSla(
    Priority Priority,
    SlaClock? FirstResponse,
    SlaClock? NextResponse,
    SlaClock? Resolution,
    bool AgentSpokeLast,
    IReadOnlyList<SlaTargetKind> Breaches)
{
    /// <summary>
    /// The clocks of a conversation a customer has just started; when agents had answered before any promise was made
    /// (<paramref name="agentReplied"/>: the queue got its policy later), the next response is owed, not the first.
    /// </summary>
    public static ConversationSla Start(SlaPolicy policy, Priority priority, DateTimeOffset at, bool agentReplied = false) => new(
        priority,
        agentReplied ? null : StartClock(policy, priority, SlaTargetKind.FirstResponse, at),
        agentReplied ? StartClock(policy, priority, SlaTargetKind.NextResponse, at) : null,
        StartClock(policy, priority, SlaTargetKind.Resolution, at),
        false,
        []);

    /// <summary>The deadline the waiting queue drains by: the earliest among the running clocks.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDue => Clocks().Select(c => c.Due).Where(d => d is not null).Min();

    /// <summary>When something next happens by itself: the earliest warning or deadline among the running clocks.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextWake => Clocks().SelectMany(c => new[] { c.WarnAt, c.Due }).Where(d => d is not null).Min();

    /// <summary>The clock of one kind (null when it never started).</summary>
    public SlaClock? Clock(SlaTargetKind kind) => kind switch
    {
        SlaTargetKind.FirstResponse => FirstResponse,
        SlaTargetKind.NextResponse => NextResponse,
        _ => Resolution,
    };

    /// <summary>The promises are no longer made (the queue lost its policy): open clocks stop, final ones stay.</summary>
    public ConversationSla StopAll(DateTimeOffset at, ICollection<SlaAlert> alerts) => Tick(at, alerts).Withdraw(at);

    /// <summary>
    /// The promises were withdrawn at an instant not known (found when a deadline came due under a queue that no longer
    /// names a policy): open clocks stop without firing, final ones stay.
    /// </summary>
    public ConversationSla Withdraw(DateTimeOffset at) => Each(c => c.Stop(at));

    /// <summary>Value equality, the breaches compared by their contents (a record compares the list by reference).</summary>
    public bool Equals(ConversationSla? other) => other is not null
        && Priority == other.Priority && AgentSpokeLast == other.AgentSpokeLast
        && Equals(FirstResponse, other.FirstResponse) && Equals(NextResponse, other.NextResponse)
        && Equals(Resolution, other.Resolution) && Breaches.SequenceEqual(other.Breaches);

    public override int GetHashCode() => HashCode.Combine(Priority, AgentSpokeLast, FirstResponse, NextResponse, Resolution, Breaches.Count);

    public ConversationSla Tick(DateTimeOffset now, ICollection<SlaAlert> alerts)
    {
        var next = this with
        {
            FirstResponse = FirstResponse?.Tick(now, alerts),
            NextResponse = NextResponse?.Tick(now, alerts),
            Resolution = Resolution?.Tick(now, alerts),
        };
        return next.RecordBreaches();
    }

    /// <summary>A customer's message. After an agent's reply it starts the next-response clock.</summary>
    public ConversationSla CustomerMessage(SlaPolicy policy, DateTimeOffset at, ICollection<SlaAlert> alerts)
    {
        var sla = Tick(at, alerts);
        var waiting = sla.NextResponse is { IsOpen: true } || sla.FirstResponse is { IsOpen: true };
        return sla.AgentSpokeLast && !waiting
            ? sla with { NextResponse = StartClock(policy, Priority, SlaTargetKind.NextResponse, at), AgentSpokeLast = false }
            : sla with { AgentSpokeLast = false };
    }

    /// <summary>An agent's public reply: meets the response clocks that are open. Private notes are no reply.</summary>
    public ConversationSla AgentReply(DateTimeOffset at, ICollection<SlaAlert> alerts)
    {
        var sla = Tick(at, alerts);
        return sla with
        {
            FirstResponse = sla.FirstResponse?.Meet(at),
            NextResponse = sla.NextResponse?.Meet(at),
            AgentSpokeLast = true,
        };
    }

    /// <summary>
    /// The status changed. Pending and snoozed pause the clocks when the policy says so; open resumes them; resolved
    /// meets the resolution and stops the response clocks still open.
    /// </summary>
    public ConversationSla StatusChanged(SlaPolicy policy, ConversationStatus status, DateTimeOffset at, ICollection<SlaAlert> alerts)
    {
        var sla = Tick(at, alerts);
        return status switch
        {
            ConversationStatus.Pending or ConversationStatus.Snoozed when policy.PauseWhilePending =>
                sla.Each(c => c.Pause(at, policy.BusinessHours)),
            ConversationStatus.Open => sla.Each(c => c.Resume(at, policy)),
            ConversationStatus.Resolved => sla with
            {
                FirstResponse = sla.FirstResponse?.Stop(at),
                NextResponse = sla.NextResponse?.Stop(at),
                Resolution = sla.Resolution?.Meet(at),
            },
            _ => sla,
        };
    }

    /// <summary>
    /// A resolved conversation the customer wrote to again: a new resolution clock, and the response clock that is owed —
    /// the first response when no agent ever replied, else the next response.
    /// </summary>
    public ConversationSla Reopened(SlaPolicy policy, DateTimeOffset at, ICollection<SlaAlert> alerts)
    {
        var sla = Tick(at, alerts);
        var replied = sla.FirstResponse is not { State: SlaClockState.Stopped } && sla.FirstResponse is not null;
        return sla with
        {
            FirstResponse = replied ? sla.FirstResponse : StartClock(policy, Priority, SlaTargetKind.FirstResponse, at),
            NextResponse = replied ? StartClock(policy, Priority, SlaTargetKind.NextResponse, at) : null,
            Resolution = StartClock(policy, Priority, SlaTargetKind.Resolution, at),
            AgentSpokeLast = false,
        };
    }

    /// <summary>The priority changed: open clocks are held to the new targets, with the time used so far counted.</summary>
    public ConversationSla PriorityChanged(SlaPolicy policy, Priority priority, DateTimeOffset at, ICollection<SlaAlert> alerts)
    {
        var sla = Tick(at, alerts) with { Priority = priority };
        var retargeted = sla with
        {
            FirstResponse = Retarget(sla.FirstResponse, policy, priority, at),
            NextResponse = Retarget(sla.NextResponse, policy, priority, at),
            Resolution = Retarget(sla.Resolution, policy, priority, at),
        };

        // A new target may already be used up: that is a breach now, not at the next tick.
        return retargeted.Tick(at, alerts);
    }

    private static SlaClock? Retarget(SlaClock? clock, SlaPolicy policy, Priority priority, DateTimeOffset at)
    {
        if (clock is not { IsOpen: true })
        {
            return clock;
        }

        // No target of this kind at the new priority: the promise is no longer made.
        return policy.Target(priority, clock.Kind) is { } target ? clock.Retarget(target, at, policy) : clock.Stop(at);
    }

    private static SlaClock? StartClock(SlaPolicy policy, Priority priority, SlaTargetKind kind, DateTimeOffset at) =>
        policy.Target(priority, kind) is { } target ? SlaClock.Start(kind, target, at, policy) : null;

    private ConversationSla Each(Func<SlaClock, SlaClock> change) => this with
    {
        FirstResponse = FirstResponse is null ? null : change(FirstResponse),
        NextResponse = NextResponse is null ? null : change(NextResponse),
        Resolution = Resolution is null ? null : change(Resolution),
    };

    private IEnumerable<SlaClock> Clocks()
    {
        if (FirstResponse is not null)
        {
            yield return FirstResponse;
        }

        if (NextResponse is not null)
        {
            yield return NextResponse;
        }

        if (Resolution is not null)
        {
            yield return Resolution;
        }
    }

    private ConversationSla RecordBreaches()
    {
        var breached = Clocks().Where(c => c.State == SlaClockState.Breached).Select(c => c.Kind).Except(Breaches).ToList();
        return breached.Count == 0 ? this : this with { Breaches = [.. Breaches, .. breached] };
    }
}
