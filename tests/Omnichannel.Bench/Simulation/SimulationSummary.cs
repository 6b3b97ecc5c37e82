using System.Globalization;
using System.Text;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Bench.Simulation;

/// <summary>
/// The outcome of one run. <see cref="Figures"/> depends only on the options (same seed, same text); the wall time
/// is reported apart from it.
/// </summary>
public sealed class SimulationSummary(
    SimulationOptions options, DateTimeOffset start, DateTimeOffset end, SimulationStats stats, IReadOnlyList<SimAgent> agents, TimeSpan wallTime)
{
    public SimulationOptions Options { get; } = options;

    public SimulationStats Stats { get; } = stats;

    public TimeSpan WallTime { get; } = wallTime;

    public int Arrived => Stats.Shifts.Values.Sum(s => s.Arrived);

    /// <summary>No ineligible assignment, no overflow, nothing left waiting beside an eligible agent, model and store agree.</summary>
    public bool Clean => Stats.Ineligible == 0 && Stats.Overflows == 0 && Stats.StuckSweeps == 0
        && Stats.ModelDisagreements == 0 && Stats.UnexpectedChanges == 0;

    public string Figures()
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"Simulated: {Local(start)} to {Local(end)} ({SimulationTeam.Zone}, {(end - start).TotalHours:F0} h{ClockChange()}), seed {Options.Seed}, sweep every {Options.Tick.TotalSeconds:F0} s, unanswered timeout {Options.UnansweredTimeoutMinutes} min");
        Line($"Team: {string.Join(", ", SimulationTeam.Members.Select(m => $"{m.AgentId} (cap {m.Capacity})"))}; queue '{SimulationTeam.QueueId}' round-robin, requeue-when-offline");
        text.AppendLine();
        text.AppendLine("| shift | new | returned | waited at all | wait p50 min | wait p95 min | wait max min | assignments per agent | max − min | open spread (avg max − min) | handover requeued | handover reassigned | timeouts | reopened to last agent | ineligible |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var figures in SimulationTeam.ShiftIds.Select(id => Stats.Shifts[id]))
        {
            var received = agents.Where(a => a.Member.ShiftId == figures.ShiftId).Select(a => a.Assignments).ToList();
            var waits = figures.Waits.Order().ToList();
            Line($"| {figures.ShiftId} | {figures.Arrived} | {figures.Returned} | {waits.Count(w => w > 0)} | {Percentile(waits, 0.5):F1} | {Percentile(waits, 0.95):F1} | {(waits.Count == 0 ? 0 : waits[^1]):F1} | {string.Join(" / ", received)} | {received.Max() - received.Min()} | {(figures.OpenSpreadTicks == 0 ? 0 : figures.OpenSpreadSum / figures.OpenSpreadTicks):F2} | {figures.HandoverRequeued} | {figures.HandoverReassigned} | {figures.Timeouts} | {figures.ReopenedToLastAgent} | {Stats.Ineligible} |");
        }

        var all = Stats.Shifts.Values.SelectMany(s => s.Waits).Order().ToList();
        Line($"| week | {Arrived} | {Stats.Shifts.Values.Sum(s => s.Returned)} | {all.Count(w => w > 0)} | {Percentile(all, 0.5):F1} | {Percentile(all, 0.95):F1} | {(all.Count == 0 ? 0 : all[^1]):F1} | {agents.Sum(a => a.Assignments)} in all | | | {Stats.Shifts.Values.Sum(s => s.HandoverRequeued)} | {Stats.Shifts.Values.Sum(s => s.HandoverReassigned)} | {Stats.Shifts.Values.Sum(s => s.Timeouts)} | {Stats.Shifts.Values.Sum(s => s.ReopenedToLastAgent)} | {Stats.Ineligible} |");
        text.AppendLine();
        Line($"Assignments by reason: {string.Join(", ", Stats.Reasons.Select(r => $"{r.Key} {r.Value}"))}");
        Line($"Checks: assignments to an ineligible agent {Stats.Ineligible}, capacity overflows {Stats.Overflows}, sweeps ending with conversations waiting beside an eligible agent {Stats.StuckSweeps}, store/model disagreements {Stats.ModelDisagreements}, unexpected changes {Stats.UnexpectedChanges}");
        Line($"At the end: {Stats.EndWaiting} waiting, {Stats.EndOpenAssigned} open with an agent; {Stats.Resolved} resolutions, {Stats.Replies} replies, {Stats.Pauses} pauses, {Stats.Outages} mid-shift absences, {Stats.Boundaries} shift boundaries, {Stats.Sweeps} sweeps, {Stats.StoreCalls} store calls");
        foreach (var detail in Stats.Details)
        {
            text.AppendLine("  " + detail);
        }

        return text.ToString();
    }

    /// <summary>Linear interpolation between the closest ranks; 0 for no values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }

    private static string Local(DateTimeOffset instant) =>
        WallClock.ToLocal(instant, SimulationTeam.TimeZone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private string ClockChange()
    {
        var lastDay = DateOnly.FromDateTime(WallClock.ToLocal(end, SimulationTeam.TimeZone));
        for (var day = Options.WeekStart; day < lastDay; day = day.AddDays(1))
        {
            var before = SimulationTeam.TimeZone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue));
            var after = SimulationTeam.TimeZone.GetUtcOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            if (before != after)
            {
                return string.Create(CultureInfo.InvariantCulture, $"; clocks change on {day:ddd yyyy-MM-dd}, UTC{before.TotalHours:+0} to UTC{after.TotalHours:+0}");
            }
        }

        return "";
    }
}
