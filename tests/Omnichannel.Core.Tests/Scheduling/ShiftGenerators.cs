using System.Text.Json;
using CsCheck;
using Omnichannel.Core.Scheduling;

namespace Omnichannel.Core.Tests.Scheduling;

/// <summary>Random instants in 2024–2030 (many of them near a clock change) and random shifts around them.</summary>
internal static class ShiftGenerators
{
    /// <summary>Zones with summer time on either hemisphere, half-hour and 45-minute offsets, a 30-minute clock change, and none.</summary>
    public static readonly string[] Zones =
    [
        "Europe/Berlin", "Europe/London", "America/New_York", "America/St_Johns", "America/Sao_Paulo", "Asia/Kolkata",
        "Asia/Kathmandu", "Australia/Adelaide", "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "UTC",
    ];

    private static readonly DateTimeOffset First = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Last = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Dictionary<string, DateTimeOffset[]>> ClockChanges =
        new(() => Zones.ToDictionary(zone => zone, zone => FindClockChanges(TimeZoneInfo.FindSystemTimeZoneById(zone))));

    private static readonly Gen<DateTimeOffset> AnyInstant =
        Gen.Long[First.UtcTicks, Last.UtcTicks - 1].Select(ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

    /// <summary>Every instant 2024–2030 at which <paramref name="zone"/> changes its offset, found by brute force.</summary>
    public static DateTimeOffset[] ClockChangesIn(string zone) => ClockChanges.Value[zone];

    /// <summary>An instant in 2024–2030, two times in three within a day and a half of a clock change in <paramref name="zone"/>.</summary>
    public static Gen<DateTimeOffset> InstantIn(string zone) => ClockChangesIn(zone) is { Length: > 0 } changes
        ? Gen.Frequency((1, AnyInstant), (2, NearOneOf(changes)))
        : AnyInstant;

    private static Gen<DateTimeOffset> NearOneOf(DateTimeOffset[] changes) =>
        from change in Gen.OneOf(changes)
        from minutes in Gen.Frequency((2, Gen.Int[-4 * 60, 4 * 60]), (1, Gen.Int[-36 * 60, 36 * 60]))
        from seconds in Gen.Frequency((3, Gen.Const(0)), (1, Gen.Int[0, 59]))
        select change.AddMinutes(minutes).AddSeconds(seconds);
    /// <summary>Times of day biased towards whole hours and towards the small hours, when clocks change.</summary>
    private static readonly Gen<int> MinuteOfDay = Gen.Frequency(
        (2, Gen.Int[0, 24].Select(hour => hour * 60)),
        (1, Gen.Int[0, 24 * 4].Select(quarter => quarter * 15)),
        (1, Gen.Int[0, 24 * 60]),
        (2, Gen.Int[60, 4 * 60]));

    private static readonly Gen<ShiftPeriod> Period =
        from days in Gen.Enum<DayOfWeek>().HashSet[1, 7]
        from start in MinuteOfDay.Where(m => m < 24 * 60)
        from end in MinuteOfDay.Where(m => m != start)
        select new ShiftPeriod(days, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)), TimeSpan.FromMinutes(end));

    /// <summary>A shift whose exceptions and extra periods fall within a few days of <paramref name="near"/>, where they matter.</summary>
    public static Gen<Shift> ShiftNear(string zone, DateTimeOffset near) =>
        from periods in Period.Array[0, 4]
        from exceptionOffsets in Gen.Int[-3, 3].Array[0, 3]
        from extras in ExtraPeriodNear(LocalDate(near, zone)).Array[0, 2]
        select new Shift(
            "random",
            "Random",
            zone,
            periods,
            [.. exceptionOffsets.Distinct().Select(days => LocalDate(near, zone).AddDays(days))],
            extras,
            []);

    public static readonly Gen<(Shift Shift, DateTimeOffset Instant)> ShiftAndInstant =
        from zone in Gen.OneOf(Zones)
        from instant in InstantIn(zone)
        from shift in ShiftNear(zone, instant)
        select (shift, instant);

    public static string Describe(Shift shift) => JsonSerializer.Serialize(ShiftDefinition.FromShift(shift));

    public static string Describe((Shift Shift, DateTimeOffset Instant) sample) => $"{Describe(sample.Shift)} at {sample.Instant:O}";

    private static Gen<ExtraPeriod> ExtraPeriodNear(DateOnly day) =>
        from startMinute in Gen.Int[-3 * 24 * 60, 3 * 24 * 60]
        from lengthMinutes in Gen.Frequency((3, Gen.Int[1, 12 * 60]), (1, Gen.Int[1, 3 * 24 * 60]))
        let start = day.ToDateTime(TimeOnly.MinValue).AddMinutes(startMinute)
        select new ExtraPeriod(start, start.AddMinutes(lengthMinutes));

    private static DateTimeOffset[] FindClockChanges(TimeZoneInfo zone)
    {
        var changes = new List<DateTimeOffset>();
        for (var hour = First; hour < Last; hour = hour.AddHours(1))
        {
            var before = hour;
            var after = hour.AddHours(1);
            if (zone.GetUtcOffset(before) == zone.GetUtcOffset(after))
            {
                continue;
            }

            while (after - before > TimeSpan.FromTicks(1))
            {
                var middle = before + (after - before) / 2;
                if (zone.GetUtcOffset(middle) == zone.GetUtcOffset(before))
                {
                    before = middle;
                }
                else
                {
                    after = middle;
                }
            }

            changes.Add(after);
        }

        return [.. changes];
    }

    private static DateOnly LocalDate(DateTimeOffset instant, string zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
}
