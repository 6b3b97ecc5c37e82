namespace Omnichannel.Bench.Simulation;

public enum SimEventKind
{
    /// <summary>What the server's sweeper does each tick: boundaries, presence expiry, timeouts, drain.</summary>
    Sweep,

    /// <summary>A new customer writes (<see cref="SimEvent.Number"/> is the customer).</summary>
    Arrival,

    /// <summary>The customer of a resolved conversation writes again.</summary>
    CustomerReturn,

    /// <summary>The agent opens the app: online, then a heartbeat every 30 s while connected.</summary>
    Connect,
    Heartbeat,

    /// <summary>The agent leaves: signs off (offline) or just closes the laptop (presence runs out).</summary>
    Leave,
    PauseStart,
    PauseEnd,

    /// <summary>The agent is away mid-shift for half an hour, signed off or with the connection lost.</summary>
    OutageStart,
    OutageEnd,

    /// <summary>The assignee's first answer.</summary>
    Reply,
    Resolve,
}

/// <summary>How an agent goes away: signing off, or silently (no more heartbeats).</summary>
public enum AwayStyle
{
    SignOff,
    Silent,
}

/// <summary>
/// One thing that happens at one instant. <see cref="Version"/> and <see cref="Generation"/> tie work and heartbeats
/// to the assignment or connection they were planned for, so a stale one is dropped.
/// </summary>
public sealed record SimEvent(
    SimEventKind Kind,
    DateTimeOffset At,
    int Agent = -1,
    SimConversation? Conversation = null,
    int Number = 0,
    int Version = 0,
    int Generation = 0,
    AwayStyle Style = AwayStyle.SignOff);

/// <summary>Events in time order; events of one instant in the order they were scheduled.</summary>
public sealed class SimEventQueue
{
    private readonly PriorityQueue<SimEvent, (DateTimeOffset At, long Order)> _queue = new();
    private long _order;

    public int Count => _queue.Count;

    public void Add(SimEvent e) => _queue.Enqueue(e, (e.At, _order++));

    public bool TryTakeBefore(DateTimeOffset end, out SimEvent e)
    {
        if (_queue.TryPeek(out var next, out _) && next.At < end)
        {
            e = _queue.Dequeue();
            return true;
        }

        e = null!;
        return false;
    }
}
