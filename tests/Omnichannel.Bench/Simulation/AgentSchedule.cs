using Omnichannel.Core.Scheduling;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// When each agent is at work: for every occurrence of their shift, they connect 2–10 minutes before it starts and
/// leave 0–15 minutes after it ends (half sign off, half just close the laptop). During the shift a lead pauses them
/// for 10–20 minutes now and then (none, one or two a shift), and about one shift in eight they are away for half an
/// hour. Whole seconds only (see <see cref="ArrivalCurve"/>).
/// </summary>
public static class AgentSchedule
{
    private const double OutageChance = 0.125;

    public static IReadOnlyList<SimEvent> Generate(Random random, DateTimeOffset from, DateTimeOffset to)
    {
        var events = new List<SimEvent>();
        for (var agent = 0; agent < SimulationTeam.Members.Count; agent++)
        {
            var member = SimulationTeam.Members[agent];
            var shift = SimulationTeam.Shifts.Single(s => s.Id == member.ShiftId);
            foreach (var occurrence in ShiftCalendar.Occurrences(shift, from, to))
            {
                AddSession(random, events, agent, occurrence, from);
            }
        }

        return events;
    }

    private static void AddSession(Random random, List<SimEvent> events, int agent, ShiftWindow occurrence, DateTimeOffset from)
    {
        var connect = occurrence.Start - Seconds(random, 120, 600);
        events.Add(new SimEvent(SimEventKind.Connect, connect < from ? from : connect, agent));
        events.Add(new SimEvent(SimEventKind.Leave, occurrence.End + Seconds(random, 0, 900), agent, Style: RandomStyle(random)));

        // Pauses and the outage stay inside the shift, away from its edges, where handover is what is being watched.
        var earliest = occurrence.Start + TimeSpan.FromMinutes(30);
        var latest = occurrence.End - TimeSpan.FromMinutes(60);
        var pauses = random.NextDouble() switch { < 0.35 => 0, < 0.8 => 1, _ => 2 };
        for (var i = 0; i < pauses; i++)
        {
            var start = Between(random, earliest, latest);
            events.Add(new SimEvent(SimEventKind.PauseStart, start, agent));
            events.Add(new SimEvent(SimEventKind.PauseEnd, start + Seconds(random, 600, 1200), agent));
        }

        if (random.NextDouble() < OutageChance)
        {
            var start = Between(random, earliest, latest - TimeSpan.FromMinutes(30));
            var style = RandomStyle(random);
            events.Add(new SimEvent(SimEventKind.OutageStart, start, agent, Style: style));
            events.Add(new SimEvent(SimEventKind.OutageEnd, start + TimeSpan.FromMinutes(30), agent, Style: style));
        }
    }

    private static AwayStyle RandomStyle(Random random) => random.Next(2) == 0 ? AwayStyle.SignOff : AwayStyle.Silent;

    private static TimeSpan Seconds(Random random, int min, int max) => TimeSpan.FromSeconds(random.Next(min, max + 1));

    private static DateTimeOffset Between(Random random, DateTimeOffset min, DateTimeOffset max) =>
        min + Seconds(random, 0, (int)(max - min).TotalSeconds);
}
