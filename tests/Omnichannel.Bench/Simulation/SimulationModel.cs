using Omnichannel.Core.Assignment;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// An agent as the simulation made them: the availability, presence and pause it set, and the open conversations it
/// counted from what the store reported. None of it is read back from the store.
/// </summary>
public sealed class SimAgent(int index, TeamMember member, Shift shift, Random work)
{
    public int Index { get; } = index;

    public TeamMember Member { get; } = member;

    public string Id => Member.AgentId;

    public Shift Shift { get; } = shift;

    /// <summary>This agent's own random stream for the work on each assignment, drawn in assignment order.</summary>
    public Random Work { get; } = work;

    public Availability Availability { get; set; } = Availability.Offline;

    /// <summary>Heart-beating (the app is open and connected).</summary>
    public bool Connected { get; set; }

    /// <summary>Bumped on every connect, so the heartbeats of an earlier connection stop.</summary>
    public int Generation { get; set; }

    /// <summary>The last heartbeat (or going online) plus the presence lifetime; null after signing off.</summary>
    public DateTimeOffset? PresentUntil { get; set; }

    public bool Paused { get; set; }

    public int Open { get; set; }

    public int Assignments { get; set; }

    private DateTimeOffset _onShiftAt = DateTimeOffset.MinValue;
    private bool _onShift;

    /// <summary>Core's calendar, asked once per instant (the checks ask many times about the same one).</summary>
    public bool OnShift(DateTimeOffset now)
    {
        if (now != _onShiftAt)
        {
            _onShift = ShiftCalendar.IsOn(Shift, now);
            _onShiftAt = now;
        }

        return _onShift;
    }

    public bool IsPresent(DateTimeOffset now) => PresentUntil > now;

    /// <summary>Core's rule on the simulation's own view of this agent (every agent is a member of the one queue).</summary>
    public AgentState State(DateTimeOffset now) =>
        new(Id, Availability, IsPresent(now), OnShift(now), Paused, Open, Member.Capacity, IsQueueMember: true, LastAssignedAt: null);

    public Ineligibility Check(DateTimeOffset now) => Eligibility.Check(State(now));

    /// <summary>What the agent looked like, for a violation report.</summary>
    public string Describe(DateTimeOffset now) =>
        $"{Id}: {AvailabilityText.ToText(Availability)}, present until {PresentUntil:O}, on shift {OnShift(now)}, paused {Paused}, open {Open}/{Member.Capacity}";
}

/// <summary>A conversation as the simulation saw it: when it arrived and who holds it according to the store's reports.</summary>
public sealed class SimConversation(string id, int customer, DateTimeOffset arrivedAt)
{
    public string Id { get; } = id;

    public int Customer { get; } = customer;

    public DateTimeOffset ArrivedAt { get; } = arrivedAt;

    public DateTimeOffset? FirstAssignedAt { get; set; }

    /// <summary>How many times the customer wrote again after a resolution.</summary>
    public int Returns { get; set; }

    public bool Resolved { get; set; }

    public SimAgent? Assignee { get; set; }

    /// <summary>Bumped on every change of hands: work planned for an earlier holder is dropped.</summary>
    public int Version { get; set; }

    /// <summary>The current holder has answered since it was assigned.</summary>
    public bool Answered { get; set; }

    /// <summary>Open and unassigned: waiting in the queue.</summary>
    public bool Waiting => !Resolved && Assignee is null;
}
