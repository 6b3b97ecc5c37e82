using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Sla;

/// <summary>
/// Working-time arithmetic over a business-hours calendar (<see cref="ShiftCalendar"/>; null = around the clock). Clock
/// changes are the calendar's: a target of 8 working hours is 8 real hours of open time, whatever the wall clock shows.
/// </summary>
public static class BusinessClock
{
    private static readonly TimeSpan Step = TimeSpan.FromDays(14);

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time has passed since <paramref name="start"/>, or null
    /// when the calendar has no working time left within <see cref="ShiftCalendar.SearchHorizon"/>. A zero amount is due
    /// at once.
    /// </summary>
    public static DateTimeOffset? Add(DateTimeOffset start, TimeSpan amount, Shift? hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (hours is null || amount == TimeSpan.Zero)
        {
            return start + amount;
        }

        var remaining = amount;
        var cursor = start;
        while (cursor - start < ShiftCalendar.SearchHorizon)
        {
            var until = cursor + Step;
            foreach (var window in ShiftCalendar.Windows(hours, cursor, until))
            {
                var from = window.Start > cursor ? window.Start : cursor;
                var open = window.End - from;
                if (open <= TimeSpan.Zero)
                {
                    continue;
                }

                if (remaining <= open)
                {
                    return from + remaining;
                }

                remaining -= open;
                cursor = window.End;
            }

            cursor = cursor > until ? cursor : until;
        }

        return null;
    }

    /// <summary>The working time between <paramref name="from"/> and <paramref name="to"/> (zero when not after).</summary>
    public static TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to, Shift? hours)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (hours is null)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var window in ShiftCalendar.Windows(hours, from, to))
        {
            var start = window.Start > from ? window.Start : from;
            var end = window.End < to ? window.End : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }
}
