using Mediator;
using Microsoft.Extensions.Options;
using Omnichannel.Core.Ports;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Server.Assignment;

/// <summary>
/// Turns shift calendars into what the store's scripts can check: each agent's merged on-shift windows (every shift
/// they are a member of) from a day ago to <see cref="AssignmentOptions.ShiftWindowDays"/> ahead. Time zones and
/// clock changes are resolved here, in .NET, so the scripts only compare instants.
/// </summary>
public sealed class ShiftWindows(
    IShiftStore shifts, IAgentStore agents, IAssignmentStore assignments, IPublisher publisher, IOptions<AssignmentOptions> options, TimeProvider time)
{
    /// <summary>Recomputes the windows of the given agents (all agents when null).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<string>? agentIds, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await shifts.ListAsync(cancellationToken);
        var ids = agentIds ?? [.. (await agents.ListAsync(cancellationToken)).Select(a => a.Id)];
        foreach (var agentId in ids.Distinct(StringComparer.Ordinal))
        {
            var windows = For(agentId, all, now, TimeSpan.FromDays(options.Value.ShiftWindowDays));
            var change = await assignments.SetShiftWindowsAsync(agentId, windows, now, cancellationToken);
            await publisher.PublishAsync(change.Changes, null, cancellationToken);
        }
    }

    /// <summary>The agent's on-shift windows overlapping [now − 1 day, now + ahead), merged so none overlap or touch.</summary>
    public static IReadOnlyList<ShiftWindow> For(string agentId, IReadOnlyList<Shift> shifts, DateTimeOffset now, TimeSpan ahead)
    {
        var from = now.AddDays(-1);
        var to = now + ahead;
        var windows = shifts.Where(s => s.Members.Contains(agentId, StringComparer.Ordinal))
            .SelectMany(s => ShiftCalendar.Windows(s, from, to))
            .OrderBy(w => w.Start)
            .ToList();
        var merged = new List<ShiftWindow>(windows.Count);
        foreach (var window in windows)
        {
            if (merged.Count > 0 && window.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = window.End > last.End ? window.End : last.End };
            }
            else
            {
                merged.Add(window);
            }
        }

        return merged;
    }

    /// <summary>The first instant after <paramref name="after"/> at which any shift goes on or off; null when none does.</summary>
    public static DateTimeOffset? NextBoundary(IReadOnlyList<Shift> shifts, DateTimeOffset after) =>
        shifts.Select(s => ShiftCalendar.NextBoundary(s, after)).Where(b => b is not null).Min();
}
