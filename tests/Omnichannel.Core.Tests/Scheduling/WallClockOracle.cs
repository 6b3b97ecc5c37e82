using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Tests.Scheduling;

/// <summary>
/// A slow, independent reading of a shift for property tests. It uses only the reliable direction of the zone rules
/// (instant → local time) and defines the instant of a local time L as the first instant at which the wall clock
/// shows L or later: that is the first valid instant after a skipped time and the first of two repeated ones.
/// </summary>
internal static class WallClockOracle
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var asUtc = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
        var candidates = new[] { asUtc.AddDays(-1), asUtc, asUtc.AddDays(1) }
            .Select(zone.GetUtcOffset)
            .Distinct()
            .Select(offset => asUtc - offset)
            .Order()
            .ToList();

        var exact = candidates.Where(u => LocalAt(u, zone) == local).ToList();
        if (exact.Count > 0)
        {
            return exact[0];
        }

        // A skipped time: the clock jumps over it somewhere between the candidates; find the jump.
        var before = candidates[0];
        var after = candidates[^1];
        Assert.True(LocalAt(before, zone) < local && LocalAt(after, zone) > local, $"{local:O} in {zone.Id} is neither shown nor skipped.");
        while (after - before > TimeSpan.FromTicks(1))
        {
            var middle = before + (after - before) / 2;
            if (LocalAt(middle, zone) < local)
            {
                before = middle;
            }
            else
            {
                after = middle;
            }
        }

        return after;
    }

    public static bool IsOn(Shift shift, DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(shift.TimeZoneId);
        var today = DateOnly.FromDateTime(LocalAt(instant, zone));
        for (var day = today.AddDays(-2); day <= today.AddDays(1); day = day.AddDays(1))
        {
            if (shift.Exceptions.Contains(day))
            {
                continue;
            }

            foreach (var period in shift.Periods.Where(p => p.Days.Contains(day.DayOfWeek)))
            {
                var start = day.ToDateTime(period.Start);
                if (Runs(start, start + period.NominalLength, zone, instant))
                {
                    return true;
                }
            }
        }

        return shift.ExtraPeriods.Any(extra => Runs(extra.Start, extra.End, zone, instant));
    }

    private static bool Runs(DateTime localStart, DateTime localEnd, TimeZoneInfo zone, DateTimeOffset instant) =>
        ToInstant(localStart, zone) <= instant && instant < ToInstant(localEnd, zone);

    private static DateTime LocalAt(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
}
