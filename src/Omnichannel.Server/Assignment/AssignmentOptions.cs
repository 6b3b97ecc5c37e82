using System.ComponentModel.DataAnnotations;

namespace Omnichannel.Server.Assignment;

/// <summary><c>Omnichannel:Assignment</c>: how often the engine looks at the clock.</summary>
public sealed class AssignmentOptions
{
    public const string Section = "Omnichannel:Assignment";

    /// <summary>
    /// Seconds between sweeps: shift boundaries (handover, queues draining as a shift starts), presence running out,
    /// unanswered timeouts. Assignment itself happens at once on every change; this only bounds how late a clock-driven
    /// change is noticed.
    /// </summary>
    [Range(1, 300)]
    public int SweepSeconds { get; set; } = 5;

    /// <summary>How many days of each agent's shifts the store holds ahead (recomputed hourly and on every shift change).</summary>
    [Range(2, 60)]
    public int ShiftWindowDays { get; set; } = 14;
}
