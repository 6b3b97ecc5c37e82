using CsCheck;
using Omnichannel.Core.Scheduling;
using static Omnichannel.Core.Tests.Scheduling.ShiftGenerators;

namespace Omnichannel.Core.Tests.Scheduling;

/// <summary>Random shifts in a dozen zones at random instants across 2024–2030, many of them near a clock change.</summary>
public class ShiftCalendarPropertyTests
{
    private const int Iterations = 2_000;
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>Windows longer than this may have been cut at the search horizon; their edges are not real boundaries.</summary>
    private static readonly TimeSpan Uncut = TimeSpan.FromDays(300);

    private static readonly Gen<double[]> Fractions = Gen.Double[0, 1].Array[8];

    [Fact]
    public void The_zones_under_test_with_summer_time_change_their_clocks_twice_a_year()
    {
        var withoutSummerTime = new[] { "America/Sao_Paulo", "Asia/Kolkata", "Asia/Kathmandu", "UTC" };

        Assert.All(Zones.Except(withoutSummerTime), zone => Assert.Equal(14, ClockChangesIn(zone).Length));
        Assert.All(withoutSummerTime, zone => Assert.Empty(ClockChangesIn(zone)));
    }

    [Fact]
    public void A_shift_is_on_exactly_when_a_brute_force_reading_of_the_wall_clock_says_so()
    {
        ShiftAndInstant.Sample(
            (shift, instant) => Assert.Equal(WallClockOracle.IsOn(shift, instant), ShiftCalendar.IsOn(shift, instant)),
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void A_local_time_maps_to_the_first_instant_the_wall_clock_shows_it_or_later()
    {
        var gen =
            from zone in Gen.OneOf(Zones)
            from instant in InstantIn(zone)
            select (Local: TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, Zone: zone);

        gen.Sample(
            sample =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(sample.Zone);
                Assert.Equal(WallClockOracle.ToInstant(sample.Local, zone), WallClock.ToInstant(sample.Local, zone));
            },
            iter: Iterations);
    }

    [Fact]
    public void A_shift_is_on_exactly_when_it_has_an_active_window_and_the_window_holds_the_instant()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                var window = ShiftCalendar.ActiveWindow(shift, instant);
                Assert.Equal(ShiftCalendar.IsOn(shift, instant), window is not null);
                Assert.True(window is null || window.Value.Contains(instant));
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void The_next_boundary_is_always_later_than_the_instant_it_follows()
    {
        ShiftAndInstant.Sample(
            (shift, instant) => Assert.True(ShiftCalendar.NextBoundary(shift, instant) is not { } next || next > instant),
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void The_shift_goes_on_or_off_at_every_boundary()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                if (ShiftCalendar.NextBoundary(shift, instant) is { } next)
                {
                    Assert.NotEqual(ShiftCalendar.IsOn(shift, next - Tick), ShiftCalendar.IsOn(shift, next));
                }
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void A_shift_stays_on_or_off_between_consecutive_boundaries()
    {
        var gen = from sample in ShiftAndInstant from fractions in Fractions select (Shift: sample.Shift, Instant: sample.Instant, Fractions: fractions);

        gen.Sample(
            (shift, instant, fractions) =>
            {
                var first = ShiftCalendar.NextBoundary(shift, instant);
                AssertConstant(shift, instant + Tick, first ?? instant + Uncut, fractions);
                if (first is { } from && ShiftCalendar.NextBoundary(shift, from) is { } to)
                {
                    AssertConstant(shift, from, to, fractions);
                }
            },
            iter: Iterations,
            print: sample => $"{Describe(sample.Item1)} at {sample.Item2:O}");
    }

    [Fact]
    public void An_active_window_runs_from_the_boundary_before_the_instant_to_the_one_after()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                if (ShiftCalendar.ActiveWindow(shift, instant) is { } window && window.Length < Uncut)
                {
                    Assert.Equal(window.End, ShiftCalendar.NextBoundary(shift, instant));
                    Assert.Equal(window.Start, ShiftCalendar.NextBoundary(shift, window.Start - Tick));
                    Assert.False(ShiftCalendar.IsOn(shift, window.Start - Tick));
                    Assert.False(ShiftCalendar.IsOn(shift, window.End));
                }
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Every_occurrence_lasts_its_local_length_give_or_take_an_hour()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                foreach (var (single, nominal) in SingleSourceShifts(shift))
                {
                    foreach (var occurrence in ShiftCalendar.Occurrences(single, instant, instant + Week))
                    {
                        Assert.True(occurrence.Start < occurrence.End);
                        Assert.InRange(occurrence.Length, nominal - TimeSpan.FromHours(1), nominal + TimeSpan.FromHours(1));
                    }
                }
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Weekly_occurrences_start_on_a_scheduled_day_at_the_period_start_unless_the_clocks_skip_it()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(shift.TimeZoneId);
                foreach (var period in shift.Periods)
                {
                    var single = shift with { Periods = [period], ExtraPeriods = [] };
                    foreach (var occurrence in ShiftCalendar.Occurrences(single, instant, instant + Week))
                    {
                        var localStart = TimeZoneInfo.ConvertTime(occurrence.Start, zone).DateTime;
                        var scheduled = localStart.TimeOfDay == period.Start.ToTimeSpan()
                            ? DateOnly.FromDateTime(localStart)
                            : DateOnly.FromDateTime(localStart.AddHours(-1));
                        Assert.Contains(scheduled.DayOfWeek, period.Days);
                        Assert.DoesNotContain(scheduled, shift.Exceptions);
                        Assert.True(
                            localStart.TimeOfDay == period.Start.ToTimeSpan() || zone.IsInvalidTime(scheduled.ToDateTime(period.Start)),
                            $"started at {localStart:O} local");
                    }
                }
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Occurrences_are_sorted_and_windows_are_sorted_and_apart()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                var occurrences = ShiftCalendar.Occurrences(shift, instant, instant + Week);
                Assert.Equal(occurrences.OrderBy(o => o.Start), occurrences);

                var windows = ShiftCalendar.Windows(shift, instant, instant + Week);
                Assert.All(windows, w => Assert.True(w.Start < w.End));
                Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.True(pair.First.End < pair.Second.Start));
            },
            iter: Iterations,
            print: Describe);
    }

    [Fact]
    public void Windows_and_occurrences_cover_exactly_the_instants_the_shift_is_on()
    {
        var gen = from sample in ShiftAndInstant from fractions in Fractions select (Shift: sample.Shift, Instant: sample.Instant, Fractions: fractions);

        gen.Sample(
            (shift, instant, fractions) =>
            {
                var occurrences = ShiftCalendar.Occurrences(shift, instant, instant + Week);
                var windows = ShiftCalendar.Windows(shift, instant, instant + Week);
                foreach (var point in Points(instant, instant + Week, fractions).Concat(occurrences.SelectMany(o => new[] { o.Start, o.End })))
                {
                    if (point >= instant && point < instant + Week)
                    {
                        var on = ShiftCalendar.IsOn(shift, point);
                        Assert.Equal(on, occurrences.Any(o => o.Contains(point)));
                        Assert.Equal(on, windows.Any(w => w.Contains(point)));
                    }
                }
            },
            iter: Iterations,
            print: sample => $"{Describe(sample.Item1)} at {sample.Item2:O}");
    }

    [Fact]
    public void Every_window_is_the_active_window_of_its_own_start()
    {
        ShiftAndInstant.Sample(
            (shift, instant) =>
            {
                foreach (var window in ShiftCalendar.Windows(shift, instant, instant + Week).Where(w => w.Length < Uncut))
                {
                    Assert.Equal(window, ShiftCalendar.ActiveWindow(shift, window.Start));
                }
            },
            iter: Iterations,
            print: Describe);
    }

    /// <summary>The shift cut down to each single period or extra period, with its length in local time.</summary>
    private static IEnumerable<(Shift Shift, TimeSpan Nominal)> SingleSourceShifts(Shift shift) =>
        shift.Periods.Select(p => (shift with { Periods = [p], ExtraPeriods = [] }, p.NominalLength))
            .Concat(shift.ExtraPeriods.Select(e => (shift with { Periods = [], ExtraPeriods = [e] }, e.End - e.Start)));

    private static void AssertConstant(Shift shift, DateTimeOffset from, DateTimeOffset to, double[] fractions)
    {
        var expected = ShiftCalendar.IsOn(shift, from);
        foreach (var point in Points(from, to, fractions).Append(to - Tick))
        {
            Assert.True(expected == ShiftCalendar.IsOn(shift, point), $"on={expected} at {from:O}, but not at {point:O} (before {to:O})");
        }
    }

    private static IEnumerable<DateTimeOffset> Points(DateTimeOffset from, DateTimeOffset to, double[] fractions) =>
        fractions.Select(f => from + TimeSpan.FromTicks((long)((to - from).Ticks * f))).Where(p => p < to);
}
