using Omnichannel.Core.Scheduling;

namespace Omnichannel.Bench.Simulation;

/// <summary>One simulated agent: which of the three shifts they work and how many conversations they hold at once.</summary>
public sealed record TeamMember(string AgentId, string ShiftId, int Capacity);

/// <summary>
/// The simulated team: three shifts in Europe/Berlin every day of the week (Day 06–14, Evening 14–22, Night 22–06)
/// and ten agents, four / four / two, capacities 3 to 6.
/// </summary>
public static class SimulationTeam
{
    public const string Zone = "Europe/Berlin";
    public const string QueueId = "default";
    public const string Day = "day";
    public const string Evening = "evening";
    public const string Night = "night";

    public static IReadOnlyList<string> ShiftIds { get; } = [Day, Evening, Night];

    /// <summary>Ordered by id, so everything that walks the team does so in one order.</summary>
    public static IReadOnlyList<TeamMember> Members { get; } =
    [
        new("day-1", Day, 4), new("day-2", Day, 5), new("day-3", Day, 6), new("day-4", Day, 3),
        new("evening-1", Evening, 5), new("evening-2", Evening, 4), new("evening-3", Evening, 3), new("evening-4", Evening, 6),
        new("night-1", Night, 5), new("night-2", Night, 4),
    ];

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Zone);

    public static IReadOnlyList<Shift> Shifts { get; } =
    [
        Define(Day, "Day", "06:00", "14:00"),
        Define(Evening, "Evening", "14:00", "22:00"),
        Define(Night, "Night", "22:00", "06:00"),
    ];

    /// <summary>The shift whose hours <paramref name="instant"/> falls in, by Berlin wall time.</summary>
    public static string ShiftAt(DateTimeOffset instant) => WallClock.ToLocal(instant, TimeZone).Hour switch
    {
        >= 6 and < 14 => Day,
        >= 14 and < 22 => Evening,
        _ => Night,
    };

    private static Shift Define(string id, string name, string start, string end) =>
        new ShiftDefinition(
            name,
            Zone,
            [new ShiftPeriodDefinition(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], start, end)],
            Members: [.. Members.Where(m => m.ShiftId == id).Select(m => m.AgentId)]).ToShift(id);
}
