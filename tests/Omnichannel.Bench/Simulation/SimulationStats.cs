namespace Omnichannel.Bench.Simulation;

/// <summary>The figures of one shift (Day, Evening or Night by Berlin wall time), over every day simulated.</summary>
public sealed class ShiftFigures(string shiftId)
{
    public string ShiftId { get; } = shiftId;

    /// <summary>New conversations that arrived during the shift's hours.</summary>
    public int Arrived { get; set; }

    /// <summary>Customers who wrote again to a resolved conversation during the shift's hours.</summary>
    public int Returned { get; set; }

    /// <summary>Minutes from arrival to first assignment, per new conversation of the shift's hours.</summary>
    public List<double> Waits { get; } = [];

    /// <summary>Σ over sweeps of max − min open among the agents on duty (eligible but for capacity), and how many sweeps.</summary>
    public double OpenSpreadSum { get; set; }

    public int OpenSpreadTicks { get; set; }

    /// <summary>Conversations the handover took from this shift's agents after they left it.</summary>
    public int HandoverRequeued { get; set; }

    /// <summary>Handed-over conversations this shift's agents received.</summary>
    public int HandoverReassigned { get; set; }

    /// <summary>Unanswered timeouts that moved a conversation to this shift's agents.</summary>
    public int Timeouts { get; set; }

    /// <summary>Reopened conversations that went straight back to their last agent, one of this shift's.</summary>
    public int ReopenedToLastAgent { get; set; }
}

/// <summary>Everything counted while the simulation runs; <see cref="SimulationSummary"/> renders it.</summary>
public sealed class SimulationStats
{
    private const int DetailLimit = 20;

    public Dictionary<string, ShiftFigures> Shifts { get; } =
        SimulationTeam.ShiftIds.ToDictionary(id => id, id => new ShiftFigures(id), StringComparer.Ordinal);

    /// <summary>Assignments reported by the store, by reason.</summary>
    public SortedDictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

    /// <summary>Assignments to an agent the independent model says was not eligible at that instant. Must be 0.</summary>
    public int Ineligible { get; set; }

    /// <summary>An agent holding more than their capacity right after an automatic assignment. Must be 0.</summary>
    public int Overflows { get; set; }

    /// <summary>Sweeps that ended with conversations waiting while the model had an eligible agent. Must be 0.</summary>
    public int StuckSweeps { get; set; }

    /// <summary>The store and the model disagreeing on an agent's open count, eligibility, presence or the queue length.</summary>
    public int ModelDisagreements { get; set; }

    /// <summary>A change the model cannot place (unknown conversation, "from" not the holder). Must be 0.</summary>
    public int UnexpectedChanges { get; set; }

    public int Boundaries { get; set; }

    public int Sweeps { get; set; }

    public int StoreCalls { get; set; }

    public int Resolved { get; set; }

    public int Replies { get; set; }

    public int Pauses { get; set; }

    public int Outages { get; set; }

    public int EndWaiting { get; set; }

    public int EndOpenAssigned { get; set; }

    public List<string> Details { get; } = [];

    public void Note(string detail)
    {
        if (Details.Count < DetailLimit)
        {
            Details.Add(detail);
        }
    }

    public void CountReason(string reason) => Reasons[reason] = Reasons.GetValueOrDefault(reason) + 1;
}
