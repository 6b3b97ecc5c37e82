namespace Omnichannel.Core.Scheduling;

/// <summary>
/// When a shift is on. Occurrences are laid out in the shift's local wall time and then turned into instants with
/// <see cref="WallClock"/>, so a 22:00–06:00 night lasts 7 hours when the clocks go forward and 9 when they go back.
/// All intervals are half-open: a shift that ends at 06:00 is off at 06:00.
/// </summary>
/// <remarks>
/// An <em>occurrence</em> is one period on one day (or one extra period); occurrences may overlap or touch. A
/// <em>window</em> is a stretch during which the shift is on without a break: overlapping and touching occurrences
/// merged. <see cref="ActiveWindow"/>, <see cref="NextBoundary"/> and <see cref="Windows"/> speak in windows, so a
/// Monday-to-Friday 00:00–24:00 shift has one window per week and a boundary only where the state really changes.
/// A shift that is on for longer than <see cref="SearchHorizon"/> without a break reports a window cut near the horizon.
/// </remarks>
public static class ShiftCalendar
{
    /// <summary>How far from the asked instant the calendar looks for the edge of a window.</summary>
    public static readonly TimeSpan SearchHorizon = TimeSpan.FromDays(366);

    private static readonly TimeSpan FirstMargin = TimeSpan.FromDays(2);

    // Weekly occurrences last at most a day plus a clock change; these margins keep every occurrence that can reach
    // an instant in view without reasoning about the zone's offsets.
    private const int DaysBefore = 2;
    private const int DaysAfter = 1;

    private static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsOn(Shift shift, DateTimeOffset instant)
    {
        CheckRange(instant, nameof(instant));
        return OccurrencesTouching(shift, instant, instant).Any(o => o.Contains(instant));
    }

    /// <summary>The window the shift is in at <paramref name="instant"/>, or null when it is off.</summary>
    public static ShiftWindow? ActiveWindow(Shift shift, DateTimeOffset instant)
    {
        CheckRange(instant, nameof(instant));
        var windows = WindowsAround(shift, instant, instant, w => w.Contains(instant));
        return windows.Count == 0 ? null : windows[0];
    }

    /// <summary>
    /// The first instant after <paramref name="after"/> at which the shift goes on or off: the start or end of a window.
    /// Null when the state does not change within <see cref="SearchHorizon"/> (a shift that is always or never on).
    /// </summary>
    public static DateTimeOffset? NextBoundary(Shift shift, DateTimeOffset after)
    {
        CheckRange(after, nameof(after));
        for (var margin = FirstMargin; ; margin *= 2)
        {
            var until = after + margin;
            var running = OccurrencesTouching(shift, after, until);
            running.RemoveAll(o => o.End <= after);
            if (Merge(running).Cast<ShiftWindow?>().FirstOrDefault() is { } window)
            {
                // Only occurrences still running after `after` were merged, so a window starting later starts for real.
                if (window.Start > after)
                {
                    return window.Start;
                }

                // A window that reaches the end of the view may go on beyond it: look further.
                if (window.End < until)
                {
                    return window.End;
                }
            }

            if (margin >= SearchHorizon)
            {
                return null;
            }
        }
    }

    /// <summary>Every occurrence that overlaps [<paramref name="from"/>, <paramref name="to"/>), whole, in UTC, by start.</summary>
    /// <remarks>An occurrence that falls entirely into the hour the clocks skip does not happen and is not listed.</remarks>
    public static IReadOnlyList<ShiftWindow> Occurrences(Shift shift, DateTimeOffset from, DateTimeOffset to)
    {
        CheckRange(from, to);
        return [.. OccurrencesTouching(shift, from, to).Where(o => o.End > from && o.Start < to)];
    }

    /// <summary>
    /// The windows that overlap [<paramref name="from"/>, <paramref name="to"/>), whole, in UTC, by start: sorted, and
    /// separated by time off.
    /// </summary>
    public static IReadOnlyList<ShiftWindow> Windows(Shift shift, DateTimeOffset from, DateTimeOffset to)
    {
        CheckRange(from, to);
        return WindowsAround(shift, from, to, w => w.End > from && w.Start < to);
    }

    private static List<ShiftWindow> WindowsAround(Shift shift, DateTimeOffset from, DateTimeOffset to, Func<ShiftWindow, bool> wanted)
    {
        for (var margin = FirstMargin; ; margin *= 2)
        {
            var viewStart = from - margin;
            var viewEnd = to + margin;
            var windows = Merge(OccurrencesTouching(shift, viewStart, viewEnd)).Where(wanted).ToList();

            // A window that reaches an edge of the view may be part of a longer one: widen the view until it does not.
            var whole = windows.Count == 0 || (windows[0].Start > viewStart && windows[^1].End < viewEnd);
            if (whole || margin >= SearchHorizon)
            {
                return windows;
            }
        }
    }

    /// <summary>
    /// Every occurrence that runs at some point in [<paramref name="from"/>, <paramref name="to"/>] or touches it, sorted
    /// by start, possibly with a few more nearby.
    /// </summary>
    private static List<ShiftWindow> OccurrencesTouching(Shift shift, DateTimeOffset from, DateTimeOffset to)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shift.TimeZoneId);
        var occurrences = new List<ShiftWindow>();

        if (shift.Periods.Count > 0)
        {
            var exceptions = shift.Exceptions.Count == 0 ? null : shift.Exceptions.ToHashSet();
            var lastDay = DateOnly.FromDateTime(WallClock.ToLocal(to, zone)).AddDays(DaysAfter);
            for (var day = DateOnly.FromDateTime(WallClock.ToLocal(from, zone)).AddDays(-DaysBefore); day <= lastDay; day = day.AddDays(1))
            {
                if (exceptions is not null && exceptions.Contains(day))
                {
                    continue;
                }

                foreach (var period in shift.Periods)
                {
                    if (period.Days.Contains(day.DayOfWeek))
                    {
                        var (start, end) = period.OnDay(day);
                        AddIfTouching(occurrences, ToWindow(start, end, zone), from, to);
                    }
                }
            }
        }

        foreach (var extra in shift.ExtraPeriods)
        {
            AddIfTouching(occurrences, ToWindow(extra.Start, extra.End, zone), from, to);
        }

        occurrences.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return occurrences;
    }

    private static ShiftWindow ToWindow(DateTime localStart, DateTime localEnd, TimeZoneInfo zone) =>
        new(WallClock.ToInstant(localStart, zone), WallClock.ToInstant(localEnd, zone));

    private static void AddIfTouching(List<ShiftWindow> occurrences, ShiftWindow occurrence, DateTimeOffset from, DateTimeOffset to)
    {
        // An occurrence inside the skipped hour of a spring-forward night has no length: it does not happen.
        if (occurrence.Start < occurrence.End && occurrence.End >= from && occurrence.Start <= to)
        {
            occurrences.Add(occurrence);
        }
    }

    /// <summary>Merges sorted occurrences into windows; touching ones merge too, so the shift never blinks off.</summary>
    private static IEnumerable<ShiftWindow> Merge(List<ShiftWindow> sorted)
    {
        if (sorted.Count == 0)
        {
            yield break;
        }

        var current = sorted[0];
        foreach (var next in sorted.Skip(1))
        {
            if (next.Start <= current.End)
            {
                current = current with { End = next.End > current.End ? next.End : current.End };
            }
            else
            {
                yield return current;
                current = next;
            }
        }

        yield return current;
    }

    private static void CheckRange(DateTimeOffset from, DateTimeOffset to)
    {
        CheckRange(from, nameof(from));
        CheckRange(to, nameof(to));
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end of the range must not be before its start.");
        }
    }

    // Keeps the horizon arithmetic and the zone conversions far from DateTimeOffset's limits.
    private static void CheckRange(DateTimeOffset instant, string name)
    {
        if (instant < EarliestInstant || instant > LatestInstant)
        {
            throw new ArgumentOutOfRangeException(name, instant, "Shift calendars work between the years 1900 and 9000.");
        }
    }
}
