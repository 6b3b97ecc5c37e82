namespace Omnichannel.Core.Scheduling;

/// <summary>
/// Turns a local wall-clock time into an instant. Every local time maps to exactly one instant so that a schedule is a
/// function of time: a time the clocks skip (02:30 when they go forward) maps to the first instant after the gap, the
/// moment the clocks show again; a time that happens twice (02:30 when they go back) maps to its first occurrence.
/// The mapping never goes backwards, so an interval that is in order in local time stays in order as instants.
/// </summary>
public static class WallClock
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = EndOfGap(local, zone);
        }

        // The larger offset belongs to the earlier of the two instants (summer time, before the clocks went back).
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    public static DateTime ToLocal(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The first local time after the gap that <paramref name="skipped"/> falls in.</summary>
    private static DateTime EndOfGap(DateTime skipped, TimeZoneInfo zone)
    {
        // TimeZoneInfo does not expose the transition itself; a gap is contiguous, so gallop out of it and bisect its end.
        var step = TimeSpan.FromMinutes(1);
        var inGap = skipped;
        var valid = skipped + step;
        while (zone.IsInvalidTime(valid))
        {
            inGap = valid;
            step *= 2;
            valid = skipped + step;
        }

        while (valid - inGap > TimeSpan.FromTicks(1))
        {
            var middle = inGap + (valid - inGap) / 2;
            if (zone.IsInvalidTime(middle))
            {
                inGap = middle;
            }
            else
            {
                valid = middle;
            }
        }

        return valid;
    }
}
